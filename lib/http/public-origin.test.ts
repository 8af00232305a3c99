import { describe, expect, it } from "vitest";
import { emailLinkOrigin, requestOrigin } from "./public-origin";

describe("link origins", () => {
  it("reads the request's origin from the proxy's headers, else Host", () => {
    expect(requestOrigin(new Headers({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(requestOrigin(new Headers({ host: "app.internal", "x-forwarded-host": "proxima.example", "x-forwarded-proto": "https" }))).toBe("https://proxima.example");
    expect(requestOrigin(new Headers({ host: "proxima.example" }))).toBe("https://proxima.example");
    expect(requestOrigin(new Headers())).toBe("http://localhost:3000");
  });

  it("emails links on APP_URL, or on this machine's loopback origin; never on a host the request names", () => {
    expect(emailLinkOrigin("https://proxima.example//", "https://evil.example")).toBe("https://proxima.example");
    expect(emailLinkOrigin(undefined, "http://localhost:3000")).toBe("http://localhost:3000");
    expect(emailLinkOrigin(undefined, "http://127.0.0.1:3100")).toBe("http://127.0.0.1:3100");
    expect(emailLinkOrigin(undefined, "http://[::1]:3000")).toBe("http://[::1]:3000");
    expect(emailLinkOrigin(undefined, "https://evil.example")).toBeNull();
    expect(emailLinkOrigin(undefined, "https://localhost.evil.example")).toBeNull();
    expect(emailLinkOrigin(undefined, "not a url")).toBeNull();
    // Parsed as localhost, but the link is rebuilt from the parsed origin, so nothing else of it survives.
    expect(emailLinkOrigin(undefined, "http://localhost\\@evil.example")).toBe("http://localhost");
  });
});
