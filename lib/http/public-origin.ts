/**
 * Origins for links the app writes. A link shown to the person who asked may use the request's own
 * origin. A link sent by email may not, unless the app runs on the person's own machine: Host and
 * X-Forwarded-Host are the client's to choose, and our mail must never carry a link to wherever a
 * crafted request says. So emailed links use APP_URL, or a loopback origin (the demo, development).
 */

/** The origin this request came to, as its headers tell it (for what is shown to the requester only). */
export function requestOrigin(headers: Headers): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (isLoopbackHost(host) ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * APP_URL without trailing slashes, else the request's origin when it is loopback; null when neither.
 * The origin is rebuilt by URL, never passed through: a Host such as `localhost\@evil.example` parses
 * as localhost but would read differently in a mail client.
 */
export function emailLinkOrigin(appUrl: string | undefined, fromRequest: string): string | null {
  if (appUrl) return appUrl.replace(/\/+$/, "");
  try {
    const url = new URL(fromRequest);
    return isLoopbackHost(url.host) ? url.origin : null;
  } catch {
    return null;
  }
}

function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}
