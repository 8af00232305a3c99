"use client";

import { useEffect } from "react";
import { SegmentError } from "@/components/intelligence/segment-error";

export default function IntelligenceError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error("[intelligence]", error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return <SegmentError heading="Intelligence" what="Your intelligence overview" digest={digest} retry={retry} back={{ href: "/dashboard", label: "Go to the dashboard" }} />;
}
