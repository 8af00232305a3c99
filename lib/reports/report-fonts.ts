import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Font } from "@react-pdf/renderer";

/**
 * The report's typeface. The PDF standard Helvetica only encodes WinAnsi (Latin-1): "Łukasz", "Жанна"
 * or "≥ 70 %" come out as garbage (measured with react-pdf 4.9: "Aukasz", "e 70 %"). A patient's
 * name must print exactly, so the report embeds DejaVu Sans Condensed (Latin, Greek, Cyrillic,
 * math symbols; Bitstream Vera licence, see fonts/LICENSE-DejaVu.txt), subset by react-pdf to the
 * glyphs used. If the font files cannot be found at run time (a deployment that did not ship
 * lib/reports/fonts), the report falls back to Helvetica rather than fail.
 */
export const REPORT_FONT_FAMILY = "Proxima Report Sans";
const REGULAR_FILE = "DejaVuSansCondensed.ttf";
const BOLD_FILE = "DejaVuSansCondensed-Bold.ttf";

export type ReportFonts = {
  /** fontFamily to use in styles. */
  family: string;
  /** True with the embedded Unicode font; false on the Helvetica (WinAnsi) fallback. */
  unicode: boolean;
};

let resolved: ReportFonts | null = null;

/**
 * Directories that may hold the font files: beside this module, then under the project root. No
 * `new URL("./fonts/", import.meta.url)` on purpose: bundlers treat that pattern as an asset import
 * and a directory would fail the build. Server bundles keep import.meta.url pointing at the source
 * file; if it is not a file URL, fileURLToPath throws and the project root is tried.
 */
function candidateDirectories(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(path.join(path.dirname(fileURLToPath(import.meta.url)), "fonts"));
  } catch {
    // not a file: URL (bundled elsewhere): fall through to the project root
  }
  dirs.push(path.join(process.cwd(), "lib", "reports", "fonts"));
  return dirs;
}

/**
 * Registers the fonts once per process and tells which family to use. `directory` forces a folder
 * holding DejaVuSansCondensed.ttf and DejaVuSansCondensed-Bold.ttf (for deployments that move it).
 */
export function configureReportFonts(options: { directory?: string } = {}): ReportFonts {
  // No hyphenation: react-pdf's default English hyphenator splits names, units and numbers
  // ("CGM ac-tive"); a clinical document reads better ragged. This setting is process-wide; the
  // report is the only react-pdf document Proxima makes.
  Font.registerHyphenationCallback((word) => [word]);
  const dirs = options.directory ? [options.directory] : candidateDirectories();
  const dir = dirs.find((d) => existsSync(path.join(d, REGULAR_FILE)) && existsSync(path.join(d, BOLD_FILE)));
  if (!dir) {
    resolved = { family: "Helvetica", unicode: false };
    return resolved;
  }
  // react-pdf keeps every registration; register the family only once per directory.
  if (registeredDirectory !== dir) {
    Font.register({
      family: REPORT_FONT_FAMILY,
      fonts: [
        { src: path.join(dir, REGULAR_FILE), fontWeight: 400 },
        { src: path.join(dir, BOLD_FILE), fontWeight: 700 },
      ],
    });
    registeredDirectory = dir;
  }
  resolved = { family: REPORT_FONT_FAMILY, unicode: true };
  return resolved;
}

let registeredDirectory: string | null = null;

/** The fonts of this process, resolved on first use. */
export function getReportFonts(): ReportFonts {
  return resolved ?? configureReportFonts();
}
