import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text the browser downloads; woff2 and png are compressed already. */
export const TEXT_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.txt', '.xml']);
/** A compressed copy is written only when it is at least this much smaller than the file. */
const MIN_SAVING = 0.1;
/** Below this a file fits in one packet compressed or not, and the copy only costs a request header. */
const MIN_BYTES = 256;

const ENCODERS = {
  br: (raw: Buffer) =>
    promisify(brotliCompress)(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  gz: (raw: Buffer) => promisify(gzip)(raw, { level: 9 }),
} as const;
type Encoding = keyof typeof ENCODERS;

// Brotli at quality 11 takes seconds on MapLibre's chunk, which changes only with MapLibre: keep
// the results by content hash, so a rebuild recompresses only what changed. Entries no build has
// used for a week are pruned.
const CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT_EXTENSIONS.has(extname(entry.name))) yield path;
  }
}

async function compressed(raw: Buffer, encoding: Encoding, cacheDir: string | undefined): Promise<Buffer> {
  if (!cacheDir) return ENCODERS[encoding](raw);
  const key = join(cacheDir, `${createHash('sha256').update(raw).digest('hex')}.${encoding}`);
  try {
    const hit = await readFile(key);
    const now = new Date();
    await utimes(key, now, now);
    return hit;
  } catch {
    const out = await ENCODERS[encoding](raw);
    // Written aside and renamed, so a build running beside this one never reads half a file.
    await writeFile(`${key}.${process.pid}`, out);
    await rename(`${key}.${process.pid}`, key);
    return out;
  }
}

async function pruneCache(cacheDir: string) {
  const cutoff = Date.now() - CACHE_MAX_AGE_MS;
  for (const name of await readdir(cacheDir)) {
    const path = join(cacheDir, name);
    const info = await stat(path).catch(() => undefined); // another build may have just renamed it
    if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
  }
}

export interface PrecompressResult {
  files: number;
  written: number;
  rawBytes: number;
  brBytes: number;
}

/**
 * Writes `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text file
 * under `dir`, for hosts that send a precompressed file when the browser accepts it (nginx
 * `brotli_static`/`gzip_static`, `scripts/serve.mjs`, uploads to a bucket with Content-Encoding).
 */
export async function precompress(dir: string, cacheDir?: string): Promise<PrecompressResult> {
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const result: PrecompressResult = { files: 0, written: 0, rawBytes: 0, brBytes: 0 };
  const jobs: Promise<void>[] = [];
  for await (const path of files(dir)) {
    jobs.push(
      (async () => {
        const raw = await readFile(path);
        result.files++;
        result.rawBytes += raw.length;
        let sent = raw.length;
        if (raw.length >= MIN_BYTES) {
          for (const encoding of Object.keys(ENCODERS) as Encoding[]) {
            const out = await compressed(raw, encoding, cacheDir);
            if (out.length > raw.length * (1 - MIN_SAVING)) continue;
            await writeFile(`${path}.${encoding}`, out);
            result.written++;
            if (encoding === 'br') sent = out.length;
          }
        }
        result.brBytes += sent;
      })(),
    );
  }
  await Promise.all(jobs);
  if (cacheDir) await pruneCache(cacheDir);
  return result;
}

/** Precompresses the built site once every other integration has finished writing it. List it last. */
export function precompressBuild(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.root), 'node_modules', '.cache', 'precompress');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const r = await precompress(fileURLToPath(dir), cacheDir);
        const kb = (n: number) => Math.round(n / 1024);
        logger.info(`${r.written} .br/.gz files beside ${r.files} text files (${kb(r.rawBytes)} KB, ${kb(r.brBytes)} KB as Brotli)`);
      },
    },
  };
}
