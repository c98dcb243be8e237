import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * Where the first byte sequence that is not UTF-8 starts, or -1 if all of `bytes` is UTF-8.
 * The browser's decoder (WHATWG) replaces each bad sequence with U+FFFD; a U+FFFD that the
 * file does not spell as EF BF BD is the first replacement, and everything before it decoded
 * byte for byte, so counting UTF-8 lengths up to it gives its offset.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let offset = 0;
  for (const char of text) {
    if (char === '\uFFFD' && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    offset += encoder.encode(char).length;
  }
  return -1;
}

/** Why `bytes` (the file `name`) is not UTF-8, with the place a text editor shows; undefined if it is. */
export function utf8Problem(name: string, bytes: Uint8Array): string | undefined {
  const offset = firstInvalidUtf8(bytes);
  if (offset < 0) return undefined;
  const before = bytes.subarray(0, offset);
  const line = before.filter((b) => b === 0x0a).length + 1;
  const column = offset - before.lastIndexOf(0x0a);
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return `${name}: not UTF-8: byte 0x${hex} at offset ${offset} (line ${line}, column ${column}). Save the file as UTF-8.`;
}

/**
 * Wraps a loader of the Markdown files in `base` so that a file in another encoding (Windows-1252
 * from a CMS export, say) stops the build, naming the file and the place, before the loader would
 * decode it into U+FFFD characters and publish them. The files are read on every load, so a
 * cache of earlier builds cannot skip the check.
 */
export function utf8Only(loader: Loader, base: string): Loader {
  return {
    ...loader,
    load: async (context) => {
      const problems: string[] = [];
      for (const entry of await readdir(base, { withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
        const path = join(base, entry.name);
        const problem = utf8Problem(relative(process.cwd(), path), await readFile(path));
        if (problem) problems.push(problem);
      }
      if (problems.length) throw new Error(problems.join('\n'));
      return loader.load(context);
    },
  };
}
