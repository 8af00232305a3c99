"use client";

import { useEffect } from "react";
import { SegmentError } from "@/components/intelligence/segment-error";

export default function VelocityError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error("[intelligence/velocity]", error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return <SegmentError heading="Velocity" what="Your velocity" digest={digest} retry={retry} back={{ href: "/intelligence", label: "Back to Intelligence" }} />;
}
