/**
 * Device exports arrive as bytes in whatever encoding the vendor's tool wrote: UTF-8 with or
 * without a BOM (Dexcom Clarity writes one), and UTF-16 from some Windows tools. Decode once here.
 */
export type TextInput = string | Uint8Array;

export function decodeText(input: TextInput): string {
  if (typeof input === "string") return stripBom(input);
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) return new TextDecoder("utf-16le").decode(input.subarray(2));
  if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) return new TextDecoder("utf-16be").decode(input.subarray(2));
  // TextDecoder("utf-8") drops a leading BOM by itself; invalid bytes become U+FFFD instead of throwing.
  return new TextDecoder("utf-8").decode(input);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
