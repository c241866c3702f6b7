import * as fs from 'node:fs';

/** How a file was encoded, so `--fix` writes it back the same way. */
export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

/** A file's text, or why it is not linted. */
export type ReadResult = { text: string; encoding: Encoding } | { notice: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as text: UTF-8 (with or without BOM) or UTF-16 with a BOM; binary and other encodings are declined. */
export function readText(file: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { notice: `not linted: ${size.toLocaleString('en-US')} bytes is over the ${maxBytes.toLocaleString('en-US')} byte limit (setting "maxFileSize")` };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { notice: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  if (bytes.subarray(0, 8192).includes(0)) return { notice: 'skipped: looks like a binary file' };
  try {
    const text = utf8.decode(bytes);
    // TextDecoder drops a UTF-8 BOM by default; look at the bytes to keep it on write.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { text, encoding: bom ? 'utf8bom' : 'utf8' };
  } catch {
    return { notice: 'skipped: not valid UTF-8 text' };
  }
}

/** Writes text back in the encoding it was read in. */
export function writeText(file: string, text: string, encoding: Encoding): void {
  switch (encoding) {
    case 'utf16le':
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      break;
    case 'utf16be':
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
      break;
    case 'utf8bom':
      fs.writeFileSync(file, '\uFEFF' + text, 'utf8');
      break;
    default:
      fs.writeFileSync(file, text, 'utf8');
  }
}
