"use client";

import { useEffect } from "react";
import { SegmentError } from "@/components/intelligence/segment-error";

export default function TimelineError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error("[intelligence/timeline]", error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return <SegmentError heading="Timeline" what="Your timeline" digest={digest} retry={retry} back={{ href: "/intelligence", label: "Back to Intelligence" }} />;
}
