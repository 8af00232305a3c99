import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseAppleHealth } from "./apple-health";
import { limitInflatedBytes, openAppleHealthUpload, parseAppleHealthUpload } from "./apple-health-upload";
import { fixturePath, readFixture } from "./testing/fixtures";
import { writeZip } from "./testing/zip-writer";

const NOW = new Date("2026-06-01T00:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "proxima-ingest-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const exportXml = readFixture("apple-health/glucose-sleep-workouts.xml");

describe("openAppleHealthUpload", () => {
  it("opens export.zip (apple_health_export/export.xml) and yields the same records as the xml", async () => {
    const zip = writeTemp(
      "export.zip",
      writeZip([
        { name: "apple_health_export/", data: Buffer.alloc(0), store: true },
        { name: "apple_health_export/export_cda.xml", data: Buffer.from("<ClinicalDocument/>") },
        { name: "apple_health_export/export.xml", data: exportXml },
      ]),
    );
    const upload = await openAppleHealthUpload(zip);
    expect(upload.container).toBe("zip");
    expect(upload.entryName).toBe("apple_health_export/export.xml");
    expect(upload.totalBytes).toBe(exportXml.length);
    const fromZip = await parseAppleHealth(upload.stream, { now: NOW });
    const fromXml = await parseAppleHealthUpload(fixturePath("apple-health/glucose-sleep-workouts.xml"), { now: NOW });
    expect(fromZip).toEqual(fromXml);
    expect(fromZip.glucose).toHaveLength(2);
    expect(fromZip.activities).toHaveLength(2);
  });

  it("detects a plain export.xml by its content, whatever its name", async () => {
    const renamed = writeTemp("my-data.bin", exportXml);
    const upload = await openAppleHealthUpload(renamed);
    expect(upload).toMatchObject({ container: "xml", totalBytes: exportXml.length, entryName: null });
    upload.stream.destroy();
  });

  it("refuses a zip bomb from its declared sizes before inflating anything", async () => {
    // 40 MB of spaces deflate to ~40 KB: a 1000:1 ratio no XML export reaches.
    const bomb = Buffer.concat([Buffer.from("<HealthData>"), Buffer.alloc(40 * 1024 * 1024, 0x20), Buffer.from("</HealthData>")]);
    const zip = writeTemp("bomb.zip", writeZip([{ name: "apple_health_export/export.xml", data: bomb }]));
    const error = await caught(openAppleHealthUpload(zip));
    expect(error.code).toBe("payload_too_large:import");
    expect(error.message).toMatch(/inflates far more than an Apple Health export can/);
  });

  it("stops a zip whose headers understate what it inflates to", async () => {
    const body = Buffer.concat([Buffer.from("<HealthData>"), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from("</HealthData>")]);
    const zip = writeTemp("liar.zip", writeZip([{ name: "apple_health_export/export.xml", data: body, declaredSize: 2048 }]));
    // yauzl's validateEntrySizes stops at byte 2049, long before our own ratio cap.
    const error = await caught(parseAppleHealthUpload(zip, { now: NOW }));
    expect(error.code).toBe("unprocessable:import");
    expect(error.message).toBe("This zip file is damaged or incomplete: the export inside it could not be read.");
  });

  it("counts the bytes really inflated: the ratio cap and the size cap trip mid-stream", async () => {
    const pump = async (limits: { compressedSize: number; maxUncompressedBytes: number; maxCompressionRatio: number }, chunks: number) => {
      const guard = limitInflatedBytes(limits);
      const source = Readable.from(Array.from({ length: chunks }, () => Buffer.alloc(256 * 1024, 0x20)));
      let passed = 0;
      const error = await (async () => {
        for await (const chunk of source.pipe(guard)) passed += (chunk as Buffer).length;
      })().then(
        () => null,
        (e: unknown) => e,
      );
      return { error: error as AppError | null, passed };
    };
    // 10 KB compressed × ratio 200 = 2,000,000 bytes (above the 1 MiB floor): the 8th 256 KiB chunk crosses it.
    const ratio = await pump({ compressedSize: 10_000, maxUncompressedBytes: 1e12, maxCompressionRatio: 200 }, 40);
    expect(ratio.error?.code).toBe("payload_too_large:import");
    expect(ratio.error?.message).toMatch(/inflates far more/);
    expect(ratio.passed).toBe(7 * 256 * 1024);
    const size = await pump({ compressedSize: 1e9, maxUncompressedBytes: 1024 * 1024, maxCompressionRatio: 200 }, 40);
    expect(size.error?.message).toBe("The export inside this zip is larger than the 1 MiB we accept.");
    expect(size.passed).toBe(4 * 256 * 1024);
    const fine = await pump({ compressedSize: 1e6, maxUncompressedBytes: 1e9, maxCompressionRatio: 200 }, 8);
    expect(fine).toEqual({ error: null, passed: 8 * 256 * 1024 });
  });

  it("caps the inflated size, declared or actual", async () => {
    const body = Buffer.from(exportXml.toString("utf8").repeat(4));
    const zip = writeTemp("big.zip", writeZip([{ name: "apple_health_export/export.xml", data: body }]));
    const error = await caught(openAppleHealthUpload(zip, { maxUncompressedBytes: 50_000 }));
    expect(error.code).toBe("payload_too_large:import");
    expect(error.message).toBe("The export inside this zip is larger than the 0.05 MiB we accept.");
  });

  it("refuses a zip without export.xml, a truncated zip, an empty file and a non-export", async () => {
    const other = writeTemp("photos.zip", writeZip([{ name: "holiday/readme.txt", data: Buffer.from("hello") }]));
    expect((await caught(openAppleHealthUpload(other))).message).toMatch(/holds no export\.xml/);

    const full = writeZip([{ name: "apple_health_export/export.xml", data: exportXml }]);
    const truncated = writeTemp("truncated.zip", full.subarray(0, Math.floor(full.length / 2)));
    const t = await caught(openAppleHealthUpload(truncated));
    expect(t.code).toBe("unprocessable:import");
    expect(t.message).toMatch(/damaged or incomplete/);

    expect((await caught(openAppleHealthUpload(writeTemp("empty.xml", "")))).message).toBe("The file is empty.");
    expect((await caught(openAppleHealthUpload(writeTemp("notes.csv", readFixture("libreview/us-notes.csv"))))).message).toMatch(/not an Apple Health export/);
  });

  it("reports a truncated export.xml inside a valid zip as truncated", async () => {
    const half = exportXml.subarray(0, Math.floor(exportXml.length / 2));
    const zip = writeTemp("half.zip", writeZip([{ name: "apple_health_export/export.xml", data: half }]));
    const error = await caught(parseAppleHealthUpload(zip, { now: NOW }));
    expect(error.message).toMatch(/looks truncated/);
  });
});
