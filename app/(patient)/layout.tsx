import { requirePageViewer } from "@/lib/auth/session";
import { AppHeader } from "@/components/ui/app-header";

const NAV = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/goals", label: "Goals" },
  { href: "/journal", label: "Journal" },
  { href: "/coach", label: "Coach" },
  { href: "/group", label: "Group" },
  { href: "/weekly-brief", label: "Weekly brief" },
  { href: "/intelligence", label: "Intelligence" },
  { href: "/data", label: "Data" },
  { href: "/sharing", label: "Sharing" },
  { href: "/settings", label: "Settings" },
];

export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const { profile } = await requirePageViewer("patient", "admin");
  return (
    <>
      <AppHeader name={profile.name ?? profile.email} nav={NAV} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
