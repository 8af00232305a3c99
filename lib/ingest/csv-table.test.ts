import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvRows } from "./csv-table";

describe("readCsvRows", () => {
  it("reads quoted fields with delimiters, doubled quotes and newlines, keeping start lines", () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"multi\nline",z\n3,4';
    expect(readCsvRows(text)).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "x, y", 'say "hi"'] },
      { line: 4, cells: ["2", "multi\nline", "z"] },
      { line: 6, cells: ["3", "4"] },
    ]);
  });

  it("keeps rows of different lengths and literal quotes inside unquoted fields", () => {
    expect(readCsvRows('title,x\nh1,h2,h3\n5" pizza,,\n').map((r) => r.cells)).toEqual([
      ["title", "x"],
      ["h1", "h2", "h3"],
      ['5" pizza', "", ""],
    ]);
  });

  it("detects comma, tab and semicolon tables", () => {
    expect(detectDelimiter("a,b,c\n1,2,3")).toBe(",");
    expect(detectDelimiter("a\tb\tc\n1\t2,5\t3")).toBe("\t");
    expect(detectDelimiter("a;b;c\n1;2,5;3")).toBe(";");
    expect(readCsvRows("a\tb\n1\t2").map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
