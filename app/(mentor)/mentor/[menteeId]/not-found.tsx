import Link from "next/link";
import { Card } from "@/components/ui/primitives";

/** The same page whether the person does not exist or is not (or no longer) the viewer's mentee. */
export default function MenteeNotFound() {
  return (
    <Card title="Mentee not found">
      <p className="text-slate-700">
        We could not find that person among your mentees. They may have ended the mentoring link.{" "}
        <Link href="/mentor" className="font-semibold text-brand-700 underline">Back to your mentees.</Link>
      </p>
    </Card>
  );
}
