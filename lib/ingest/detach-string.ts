/**
 * Returns a copy of `text` that does not keep its parent string alive.
 *
 * V8 represents a substring of 13+ characters as a view (SlicedString) on its parent. The XML
 * parser slices attribute values out of each 256 KB chunk, and a CSV cell is a slice of the whole
 * file, so keeping one short value (a food name, a device name, a rejection reason) would keep
 * the entire chunk or file in memory. On a 500 MB Apple export that retained ~300 MB. The
 * concatenation is flattened into a fresh string, and the slice then points at that copy.
 * Only for strings that outlive the parse; hot paths don't need it.
 */
export function detachString(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
