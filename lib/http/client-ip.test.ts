import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the address our proxy appended, not what the client put first", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": " 6.6.6.6 , 203.0.113.9 " }), 1)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), 1)).toBe("203.0.113.9");
  });

  it("counts trusted hops from the right: with a CDN and a load balancer, the CDN's entry", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
    // Fewer entries than hops: the leftmost there is.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), 3)).toBe("203.0.113.9");
  });

  it("with no proxy in front (0 hops), reads no header at all: one bucket for everyone", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }), 0)).toBe("direct");
  });

  it("falls back to X-Real-IP, then to one shared bucket", () => {
    expect(clientIp(new Headers({ "x-real-ip": " 203.0.113.10 " }), 1)).toBe("203.0.113.10");
    expect(clientIp(new Headers({ "x-forwarded-for": " , " }), 1)).toBe("unknown");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
  });
});
