import { describe, expect, it } from "vitest";
import { decodeText } from "./text-input";

describe("decodeText", () => {
  it("drops a UTF-8 BOM (Dexcom Clarity writes one) from bytes and strings", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x49, 0x6e, 0x64, 0x65, 0x78]))).toBe("Index");
    expect(decodeText("\ufeffIndex")).toBe("Index");
  });

  it("reads UTF-16 with a byte-order mark, little- and big-endian", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Zeit,Wert\n8:00,5,5", "utf16le")]);
    expect(decodeText(le)).toBe("Zeit,Wert\n8:00,5,5");
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9]);
    expect(decodeText(be)).toBe("Hé");
  });

  it("replaces invalid UTF-8 instead of throwing", () => {
    expect(decodeText(Uint8Array.from([0x41, 0xff, 0x42]))).toBe("A\ufffdB");
  });
});
