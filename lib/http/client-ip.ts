import { getEnv } from "@/lib/env";

/**
 * The client's address, for rate limits and the doctor-link view log. X-Forwarded-For is a list the
 * client may start with anything; each proxy appends the address it saw. So the trustworthy entry is
 * the one added by our own outermost proxy: TRUSTED_PROXY_HOPS from the right (default 1: one proxy
 * or platform in front of the app, which is how it is deployed). Taking the first entry instead would
 * let anyone skip every per-IP limit by sending a new made-up address with each request. With no
 * proxy at all (0), every header is the client's own words, so none is read and all clients share one
 * bucket: per-IP limits then act as global ones (the per-account limits still hold).
 */
export function clientIp(headers: Headers, trustedHops = getEnv().TRUSTED_PROXY_HOPS): string {
  if (trustedHops === 0) return "direct";
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (chain.length > 0) return chain[Math.max(0, chain.length - trustedHops)];
  return headers.get("x-real-ip")?.trim() || "unknown";
}
