import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DETECT_HEAD_BYTES, detectFormat, NOT_AN_EXPORT_MESSAGE } from "./detect-format";
import { readFixture } from "./testing/fixtures";
import { writeZip } from "./testing/zip-writer";

const head = (relative: string) => readFixture(relative).subarray(0, DETECT_HEAD_BYTES);

function detectError(fileName: string, bytes: Uint8Array | string): AppError {
  try {
    detectFormat(fileName, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error(`expected ${fileName} to be refused`);
}

describe("detectFormat — every fixture", () => {
  it.each([
    ["dexcom-clarity/g6-android-mgdl.csv", "dexcom-clarity"],
    ["dexcom-clarity/g6-receiver-mmol.csv", "dexcom-clarity"],
    ["cgmanalysis/dexcom-deidentified.txt", "dexcom-clarity"],
    ["libreview/us-mgdl-small.csv", "libreview"],
    ["libreview/eu-mmol-dayfirst.csv", "libreview"],
    ["cgmanalysis/libre-deidentified.csv", "libre-patient-report"],
    ["nightscout/entries-200.json", "nightscout"],
    ["nightscout/example.json", "nightscout"],
    ["nightscout/oref0-glucose.json", "nightscout"],
    ["apple-health/glucose-sleep-workouts.xml", "apple-health-xml"],
    ["apple-health/sleep-stages-dst.xml", "apple-health-xml"],
    ["apple-health/workout-inline-route.xml", "apple-health-xml"],
  ])("%s → %s", (file, expected) => {
    expect(detectFormat(file.split("/").pop() ?? file, head(file))).toBe(expected);
  });

  it("reads content, not names (a renamed Clarity file is still Clarity)", () => {
    expect(detectFormat("data.txt", head("dexcom-clarity/g6-receiver-mmol.csv"))).toBe("dexcom-clarity");
    expect(detectFormat("glucose.csv", head("nightscout/example.json"))).toBe("nightscout");
  });

  it("recognises Apple's zip by its first entry or by its name", () => {
    const zip = writeZip([{ name: "apple_health_export/export.xml", data: Buffer.from("<HealthData/>") }]);
    expect(detectFormat("upload.bin", zip)).toBe("apple-health-zip");
    const flat = writeZip([{ name: "export.xml", data: Buffer.from("<HealthData/>") }]);
    expect(detectFormat("export.zip", flat)).toBe("apple-health-zip");
    expect(detectError("photos.zip", writeZip([{ name: "IMG_0001.jpg", data: Buffer.from("jpeg") }])).message).toBe(NOT_AN_EXPORT_MESSAGE);
  });
});

describe("detectFormat — what it refuses", () => {
  it("refuses the notes log kept beside a LibreView export (another vendor's CSV)", () => {
    const error = detectError("FirstName1Lastname1_notes.csv", head("libreview/us-notes.csv"));
    expect(error.code).toBe("unprocessable:import");
    expect(error.message).toBe(NOT_AN_EXPORT_MESSAGE);
  });

  it("refuses other vendors' CSVs, other JSON, other XML and garbage", () => {
    const carelink = "Index,Date,Time,New Device Time,BG Reading (mg/dL),Linked BG Meter ID,Basal Rate (U/h)\n1,2024/01/01,08:00:00,,120,,0.8\n";
    const fitbit = '[{"dateTime":"2024-01-01 08:00:00","value":{"bpm":60,"confidence":2}}]';
    const gpx = '<?xml version="1.0"?><gpx version="1.1"><trk/></gpx>';
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256);
    for (const [name, bytes] of [["carelink.csv", carelink], ["heart.json", fitbit], ["route.gpx", gpx], ["blob.bin", garbage]] as const) {
      const error = detectError(name, bytes);
      expect(error.code).toBe("unprocessable:import");
      expect(error.message).toBe(NOT_AN_EXPORT_MESSAGE);
    }
  });

  it("says an empty file is empty", () => {
    expect(detectError("empty.csv", new Uint8Array()).message).toBe("The file is empty.");
    expect(detectError("blank.csv", "\n\n  \r\n").message).toBe("The file is empty.");
  });
});
