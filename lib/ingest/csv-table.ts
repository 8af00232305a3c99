/**
 * A small RFC 4180 reader. Not csv-parse: vendor exports have title rows shorter than their data
 * rows, and csv-parse's relax_column_count builds an Error (with a stack trace) for every row
 * whose length differs from the first, which made a 1 MB LibreView file take ~2 s instead of ~20 ms.
 *
 * Quoted fields may hold delimiters, doubled quotes and newlines; a quote inside an unquoted
 * field is kept as a literal character (LibreView notes contain such quotes); CRLF, LF and CR all
 * end a row; empty lines are dropped.
 */
export interface CsvRow {
  /** 1-based line where the row starts in the file. */
  line: number;
  cells: string[];
}

/**
 * Guesses the delimiter from the first lines: Dexcom Clarity writes commas or tabs depending on
 * the export path, some European tools write semicolons.
 */
export function detectDelimiter(text: string): "," | "\t" | ";" {
  const head = text.slice(0, 20_000).split(/\r?\n/, 5).join("\n");
  const commas = countChar(head, ",");
  const tabs = countChar(head, "\t");
  const semicolons = countChar(head, ";");
  if (tabs > commas && tabs >= semicolons) return "\t";
  if (semicolons > commas) return ";";
  return ",";
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

export function readCsvRows(text: string, delimiter: string = detectDelimiter(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  let i = 0;
  let line = 1;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let endOfRow = false;
    while (!endOfRow) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the closing quote; "" is an escaped quote.
        let parts = "";
        let start = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            parts += text.slice(start);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(start, q + 1);
            i = start = q + 2;
            continue;
          }
          parts += text.slice(start, q);
          i = q + 1;
          break;
        }
        for (let k = parts.indexOf("\n"); k !== -1; k = parts.indexOf("\n", k + 1)) line++;
        // Anything between the closing quote and the next delimiter is kept (relaxed quotes).
        let tail = i;
        while (tail < n && text.charCodeAt(tail) !== delim && text.charCodeAt(tail) !== CR && text.charCodeAt(tail) !== LF) tail++;
        value = parts + text.slice(i, tail);
        i = tail;
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === delim || c === CR || c === LF) break;
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      cells.push(value);
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === delim) {
        i++;
      } else {
        endOfRow = true;
        if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        else if (c === LF) i++;
        line++;
      }
    }
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** Index of the first header cell matching `pattern`, or -1. */
export function findColumn(header: string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(h.trim()));
}
