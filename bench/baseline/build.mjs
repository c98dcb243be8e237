// Builds the baseline page (see README.md) into a folder of its own, never into the site's dist/:
//
//   node --import tsx bench/baseline/build.mjs --dist bench/tmp/dist --out bench/tmp/baseline
//
// It reads the story's sections from their Markdown (text, and cameras parsed with the site's
// own schema, so defaults match), takes the GeoJSON files from the built site (`--dist`), and
// bundles the page with esbuild (which Vite ships) from the project's maplibre-gl and scrollama.
// Runs under tsx because the schema is TypeScript. Prints one JSON line describing the build.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { precompress } from '../../src/integrations/precompress.ts';
import { mapStateSchema } from '../../src/build/mapStateSchema.ts';
import { LAYER_IDS } from '../../src/lib/cartography/layers.ts';
import { readSections } from '../../scripts/bench/story.mjs';
import { CHAPTER_LAYERS, DATA_FILES, PATH_FILES, SNAPSHOT_KINDS, pathLayer, shownOpacity } from './mapStyle.js';

const require = createRequire(import.meta.url);
const HERE = import.meta.dirname;
const FONT = '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2';

function options(argv) {
  const o = { dist: 'dist', out: 'bench/tmp/baseline' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') o.dist = argv[++i];
    else if (argv[i] === '--out') o.out = argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return { dist: resolve(o.dist), out: resolve(o.out) };
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A section's Markdown paragraphs as the template's description HTML (paragraphs split by blank lines). */
const description = (body) =>
  body
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => escape(p.replace(/\s*\r?\n\s*/g, ' ').trim()))
    .join('<br><br>');

/** Path id → the data file that holds it, read from the built GeoJSON. */
function pathFiles(dist) {
  const files = new Map();
  for (const name of PATH_FILES) {
    for (const feature of JSON.parse(readFileSync(join(dist, 'data', `${name}.geojson`), 'utf8')).features ?? []) {
      const id = feature.properties?.id;
      if (typeof id === 'string') files.set(id, name);
    }
  }
  return files;
}

/** Kind → the date of its latest snapshot in the built areas.geojson. */
function latestSnapshots(dist) {
  const latest = {};
  for (const { properties: p } of JSON.parse(readFileSync(join(dist, 'data', 'areas.geojson'), 'utf8')).features ?? []) {
    if (SNAPSHOT_KINDS.includes(p?.kind) && typeof p.date === 'string' && !(p.date <= (latest[p.kind] ?? ''))) latest[p.kind] = p.date;
  }
  return latest;
}

function chapters(dist) {
  const missingLayer = LAYER_IDS.find((id) => !CHAPTER_LAYERS[id]);
  if (missingLayer) throw new Error(`bench/baseline/mapStyle.js: CHAPTER_LAYERS has no style layers for the story layer "${missingLayer}"`);
  const files = pathFiles(dist);
  const sections = readSections().map((s) => {
    const parsed = mapStateSchema.safeParse(s.data?.map);
    if (!parsed.success) throw new Error(`${s.file}: map: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    if (typeof s.data.title !== 'string' || !s.data.title) throw new Error(`${s.file}: title: missing`);
    for (const { id } of parsed.data.paths) {
      if (!files.has(id)) throw new Error(`${s.file}: map.paths: "${id}" is in none of ${PATH_FILES.map((f) => `data/${f}.geojson`).join(', ')}`);
    }
    return { ...s, map: parsed.data };
  });
  if (!sections.length) throw new Error('src/content/story: no sections');
  const paths = [...new Set(sections.flatMap((s) => s.map.paths.map((p) => p.id)))].map((id) => ({ id, file: files.get(id) }));
  const toggled = [...Object.values(CHAPTER_LAYERS).flat(), ...paths.map((p) => pathLayer(p.id))];
  return {
    paths,
    chapters: sections.map((s) => {
      const shown = new Set([...s.map.layers.flatMap((id) => CHAPTER_LAYERS[id]), ...s.map.paths.map((p) => pathLayer(p.id))]);
      const { center, zoom, bearing, pitch } = s.map.camera;
      return {
        id: s.slug,
        title: s.data.title,
        description: description(s.body),
        location: { center, zoom, bearing, pitch },
        mapAnimation: 'flyTo',
        // The chapter's whole state on enter (its layers in, every other one out), so the map is
        // right whichever way the reader arrives.
        onChapterEnter: toggled.map((layer) => ({ layer, opacity: shown.has(layer) ? shownOpacity(layer) : 0 })),
        onChapterExit: [],
      };
    }),
  };
}

async function main() {
  const { dist, out } = options(process.argv.slice(2));
  for (const name of DATA_FILES) {
    const file = join(dist, 'data', `${name}.geojson`);
    if (!existsSync(file)) throw new Error(`${relative(process.cwd(), file)}: missing (the baseline draws the built site's data: build the site first)`);
  }
  if (out === dist || out.startsWith(`${dist}/`)) throw new Error(`--out ${out} is inside the site's build ${dist}: the baseline lives beside it, never in it`);
  const { paths, chapters: list } = chapters(dist);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  for (const name of DATA_FILES) copyFileSync(join(dist, 'data', `${name}.geojson`), join(out, 'data', `${name}.geojson`));
  const font = 'noto-sans-latin-400-normal.woff2';
  copyFileSync(require.resolve(FONT), join(out, font));
  // MapLibre 6 needs its worker's URL set by hand; main.js points it here.
  copyFileSync(require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'), join(out, 'maplibre-gl-worker.mjs'));
  const config = {
    theme: 'light',
    title: 'Baseline: the common scrollytelling template',
    subtitle: 'The story’s twelve sections, cameras, data and MapLibre, told the way the mapbox/storytelling template tells a story.',
    byline: 'A benchmark page of this project (bench/baseline/): not for readers.',
    footer: 'After the approach of the mapbox/storytelling template; written for this benchmark.',
    font,
    paths,
    latest: latestSnapshots(dist),
    chapters: list,
  };
  writeFileSync(join(out, 'config.js'), `var config = ${JSON.stringify(config)};\n`);
  copyFileSync(join(HERE, 'index.html'), join(out, 'index.html'));
  await build({
    entryPoints: [join(HERE, 'main.js')],
    outdir: out,
    entryNames: '[name]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const file of ['main.js', 'main.css']) if (!existsSync(join(out, file))) throw new Error(`esbuild wrote no ${file}`);
  // Served the way the site is: the server sends these .br/.gz copies, as it does the site's.
  await precompress(out, join(process.cwd(), 'node_modules', '.cache', 'precompress'));
  console.log(JSON.stringify({ out: relative(process.cwd(), out), chapters: list.length, paths: paths.length, data: DATA_FILES.length }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
