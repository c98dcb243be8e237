import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → the TrueType/OpenType font it wraps (https://www.w3.org/TR/WOFF/). resvg reads only
 * TTF/OTF files, and the project's Noto Sans comes from @fontsource as WOFF2 and WOFF: WOFF is
 * each sfnt table zlib-compressed, so Node's zlib unwraps it without another package.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < 44 || input.toString('latin1', 0, 4) !== 'wOFF') throw new Error('woffToSfnt: not a WOFF 1.0 file');
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: input.readUInt32BE(at),
      offset: input.readUInt32BE(at + 4),
      compLength: input.readUInt32BE(at + 8),
      origLength: input.readUInt32BE(at + 12),
      checksum: input.readUInt32BE(at + 16),
    };
  });
  const datas = tables.map((t) => {
    const raw = input.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? inflateSync(raw) : raw;
    if (data.length !== t.origLength) throw new Error(`woffToSfnt: table ${t.tag.toString(16)} is ${data.length} bytes, not ${t.origLength}`);
    return data;
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const size = datas.reduce((sum, d) => sum + pad4(d.length), headerSize);
  const out = Buffer.alloc(size);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  // The table directory is sorted by tag, as WOFF's is; table data follows in the same order.
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.origLength, at + 12);
    datas[i]!.copy(out, offset);
    offset += pad4(t.origLength);
  });
  return out;
}
