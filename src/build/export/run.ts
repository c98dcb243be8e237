import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VIDEO_FORMATS, type VideoFormat } from '@lib/embed/files.ts';
import { mapData } from '../mapData.ts';
import { storyWorld } from '../payload.ts';
import { readSections } from '../readSections.ts';
import { MediaBrowser } from './encode.ts';
import { exportVideo, videoInfo } from './export.ts';
import { emptyManifest, type DownloadsManifest } from './manifest.ts';
import { VIDEO } from './video.ts';

/**
 * `npm run export`: each section's social videos, square and vertical, into the built site's
 * `downloads/` (after `npm run build`, which leaves the folder empty), with `downloads/index.json`
 * listing them for the journalists' page. Options: `--only saraqeb,nairab`, `--formats square`,
 * `--out <folder>` (default `dist/downloads`), `--fps 30`.
 */
export async function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' }, formats: { type: 'string' }, out: { type: 'string', default: join(process.env.DIST ?? 'dist', 'downloads') }, fps: { type: 'string' } } });
  const out = values.out!;
  if (out.startsWith(process.env.DIST ?? 'dist') && !existsSync(join(process.env.DIST ?? 'dist', 'index.html'))) throw new Error('No built site: run `npm run build` first.');
  const only = values.only?.split(',').filter(Boolean);
  const formats = (values.formats?.split(',') ?? Object.keys(VIDEO_FORMATS)) as VideoFormat[];
  for (const f of formats) if (!(f in VIDEO_FORMATS)) throw new Error(`--formats: unknown format "${f}" (${Object.keys(VIDEO_FORMATS).join(', ')})`);
  const timing = { ...VIDEO, fps: values.fps ? Number(values.fps) : VIDEO.fps };
  const sections = readSections().filter((s) => !only || only.includes(s.slug));
  if (only && sections.length !== only.length) throw new Error(`--only: no section "${only.find((slug) => !sections.some((s) => s.slug === slug))}"`);

  mkdirSync(out, { recursive: true });
  const manifestFile = join(out, 'index.json');
  const manifest: DownloadsManifest = existsSync(manifestFile) ? { ...emptyManifest(), ...(JSON.parse(readFileSync(manifestFile, 'utf8')) as DownloadsManifest) } : emptyManifest();
  const world = storyWorld();
  const data = mapData();
  const started = performance.now();
  const encoder = await MediaBrowser.open();
  try {
    for (const s of sections) {
      const section = { slug: s.slug, title: s.data.title, map: s.data.map, sources: s.data.sources.map((source) => source.name) };
      for (const format of formats) {
        const t0 = performance.now();
        const mp4 = await exportVideo(encoder, section, world, data, format, timing);
        const name = `${s.slug}-${format}.mp4`;
        writeFileSync(join(out, name), mp4);
        const info = await videoInfo(mp4);
        (manifest.videos[s.slug] ??= {})[format] = `downloads/${name}`;
        writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
        console.log(`${join(out, name)}: ${info.width}×${info.height}, ${info.frames} frames, ${info.seconds.toFixed(1)} s, ${(mp4.length / 1024).toFixed(0)} KB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    await encoder.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`Exported ${sections.length * formats.length} videos into ${out}/ in ${seconds.toFixed(0)} s.`);
  return seconds;
}
