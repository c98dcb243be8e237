import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { firstInvalidUtf8, utf8Only, utf8Problem } from './utf8.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('firstInvalidUtf8', () => {
  it('accepts UTF-8, including a BOM, multi-byte letters and a real U+FFFD', () => {
    expect(firstInvalidUtf8(bytes('Saraqeb — Sarāqib, إدلب, 🗺️ \uFFFD'))).toBe(-1);
    expect(firstInvalidUtf8(bytes([0xef, 0xbb, 0xbf], 'title: x'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(''))).toBe(-1);
  });

  it('finds where the first bad sequence starts', () => {
    expect(firstInvalidUtf8(bytes('caf', [0xe9], ' au lait'))).toBe(3); // Windows-1252 é
    expect(firstInvalidUtf8(bytes('é', [0xe2, 0x82], 'A'))).toBe(2); // truncated €
    expect(firstInvalidUtf8(bytes('ab', [0xc0, 0xaf]))).toBe(2); // overlong /
    expect(firstInvalidUtf8(bytes('\uFFFD', [0xef, 0xbf], 'x'))).toBe(3); // a real U+FFFD, then half of one
    expect(firstInvalidUtf8(bytes('end', [0xf0, 0x9f]))).toBe(3); // cut off at the end of the file
  });
});

describe('utf8Problem', () => {
  it('names the file, the byte, its offset, line and column', () => {
    expect(utf8Problem('src/content/story/03-saraqeb.md', bytes('---\ntitle: Saraqeb\nThe caf', [0xe9], '\n'))).toBe(
      'src/content/story/03-saraqeb.md: not UTF-8: byte 0xE9 at offset 26 (line 3, column 8). Save the file as UTF-8.',
    );
    expect(utf8Problem('a.md', bytes('fine'))).toBeUndefined();
  });
});

describe('utf8Only (the story collection’s loader)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function folder(files: Record<string, Buffer>) {
    dir = mkdtempSync(join(tmpdir(), 'story-utf8-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  }
  const inner = () => {
    const calls: LoaderContext[] = [];
    const loader: Loader = { name: 'glob-loader', load: async (context) => void calls.push(context) };
    return { loader, calls };
  };
  const context = {} as LoaderContext;

  it('stops before the inner loader when a section is not UTF-8, naming every bad file', async () => {
    folder({ '01-a.md': bytes('ok'), '02-b.md': bytes('x', [0xff]), '03-c.md': bytes('\n\n', [0x93], 'quoted', [0x94]) });
    const { loader, calls } = inner();
    const error = await utf8Only(loader, dir)
      .load(context)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.message).toMatch(/02-b\.md: not UTF-8: byte 0xFF at offset 1 \(line 1, column 2\)/);
    expect(error?.message).toMatch(/03-c\.md: not UTF-8: byte 0x93 at offset 2 \(line 3, column 1\)/);
    expect(error?.message).not.toMatch(/01-a\.md/);
    expect(calls).toEqual([]);
  });

  it('hands over to the inner loader when every section is UTF-8, whatever else the folder holds', async () => {
    folder({ '01-a.md': bytes('Saraqeb — Sarāqib'), 'notes.bin': bytes([0xff, 0xfe]) });
    const { loader, calls } = inner();
    const wrapped = utf8Only(loader, dir);
    expect(wrapped.name).toBe('glob-loader');
    await wrapped.load(context);
    expect(calls).toEqual([context]);
  });
});
