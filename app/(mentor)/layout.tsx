import { requirePageViewer } from "@/lib/auth/session";
import { AppHeader } from "@/components/ui/app-header";

const NAV = [
  { href: "/mentor", label: "Mentees" },
  { href: "/mentor/group", label: "Group feed" },
];

export default async function MentorLayout({ children }: { children: React.ReactNode }) {
  const { profile } = await requirePageViewer("mentor");
  return (
    <>
      <AppHeader name={profile.name ?? profile.email} nav={NAV} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
