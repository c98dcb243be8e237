// What a built page makes a reader download, read statically from the files on disk: the page's
// HTML, its <link>/<script>/<style>, the astro-island component and renderer URLs, and the JS
// import graph from there (static `import … from "./x.js"`, dynamic `import("./x.js")`, and
// `new URL("./x", import.meta.url)` asset references such as MapLibre's worker and the fonts).
// Shared by the budget test (tests/unit/budget.test.ts) and the benchmark (scripts/bench.mjs).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @typedef {'html' | 'css' | 'js' | 'worker' | 'data' | 'fonts' | 'images' | 'other'} Kind */
/** @typedef {{ raw: number, gzip: number, brotli: number }} Sizes */

export const KINDS = /** @type {const} */ (['html', 'css', 'js', 'worker', 'data', 'fonts', 'images', 'other']);

/** Gzip at level 9 and Brotli at quality 11, as the build's precompress step writes them. */
export function sizesOf(/** @type {Buffer | string} */ content) {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length,
  };
}

const sizeOnDisk = (/** @type {string} */ file) => (existsSync(file) ? statSync(file).size : undefined);

/**
 * The bytes a file costs on the wire, as the site is served: its `.br` and `.gz` copies beside
 * it where the build wrote them (src/integrations/precompress.ts; scripts/serve.mjs and hosts
 * with `brotli_static`/`gzip_static` send those), else the file itself (fonts and images, and
 * text files too small to gain from compression).
 */
export function fileSizes(/** @type {string} */ file) {
  const raw = statSync(file).size;
  return /** @type {Sizes} */ ({ raw, gzip: sizeOnDisk(`${file}.gz`) ?? raw, brotli: sizeOnDisk(`${file}.br`) ?? raw });
}

export const addSizes = (/** @type {Sizes[]} */ ...all) =>
  all.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** The kind of a downloaded file, from its name. */
export function kindOf(/** @type {string} */ path) {
  const name = basename(path).toLowerCase();
  const ext = extname(name);
  if (ext === '.html' || ext === '.htm' || path.endsWith('/')) return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return /worker/.test(name) ? 'worker' : 'js';
  if (['.geojson', '.json', '.pbf', '.mvt', '.topojson', '.csv'].includes(ext)) return 'data';
  if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'fonts';
  if (['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.ico'].includes(ext)) return 'images';
  return 'other';
}

/** MapLibre's own files: its chunk (named `maplibre.*.js` by astro.config.mjs), its worker and CSS. */
export function isMapLibreFile(/** @type {string} */ path, /** @type {string | undefined} */ content) {
  const name = basename(path).toLowerCase();
  if (/^maplibre[-.]/.test(name)) return true;
  // Fallback for a build without the named chunk: the big chunk that carries MapLibre's code.
  if (content !== undefined && /\.(m?js)$/.test(name) && content.length > 300_000 && content.includes('maplibregl')) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// HTML

/** Attributes of one tag (`<tag a="b" c>`), names lower-cased, entities in values left as-is. */
function attributes(/** @type {string} */ tag) {
  /** @type {Record<string, string>} */
  const out = {};
  const body = tag.replace(/^<\s*[\w-]+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

const decode = (/** @type {string} */ s) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/**
 * @typedef {object} HtmlScript
 * @property {'inline' | 'external'} type
 * @property {boolean} module
 * @property {boolean} async
 * @property {boolean} defer
 * @property {boolean} inHead
 * @property {string} [src]
 * @property {string} [text]
 */

/** The resources an HTML page names, in document order. */
export function parseHtml(/** @type {string} */ html) {
  const headEnd = (() => {
    const i = html.search(/<\/head\s*>|<body[\s>]/i);
    return i === -1 ? html.length : i;
  })();
  // Comments and <noscript> do not load anything when scripts run.
  const clean = html.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length)).replace(/<noscript[\s\S]*?<\/noscript>/gi, (m) => ' '.repeat(m.length));
  /** @type {HtmlScript[]} */
  const scripts = [];
  for (const m of clean.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = m[0].slice(0, m[0].indexOf('>') + 1);
    const a = attributes(tag);
    const type = (a.type ?? '').toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue; // JSON, templates
    const common = { module: type === 'module', async: 'async' in a, defer: 'defer' in a, inHead: (m.index ?? 0) < headEnd };
    if (a.src) scripts.push({ type: 'external', src: decode(a.src), ...common });
    else scripts.push({ type: 'inline', text: m[1] ?? '', ...common });
  }
  /** @type {{ rel: string, href: string, inHead: boolean, as?: string, media?: string }[]} */
  const links = [];
  for (const m of clean.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if (!a.href) continue;
    links.push({
      rel: (a.rel ?? '').toLowerCase(),
      href: decode(a.href),
      inHead: (m.index ?? 0) < headEnd,
      ...(a.as ? { as: a.as } : {}),
      ...(a.media ? { media: a.media } : {}),
    });
  }
  const styles = [...clean.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1] ?? '');
  /** @type {string[]} */
  const islands = [];
  for (const m of clean.matchAll(/<astro-island\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    for (const key of ['component-url', 'renderer-url', 'before-hydration-url']) if (a[key]) islands.push(decode(a[key]));
  }
  // A <picture>'s <source>s and <img> are one image: the browser loads one candidate of them.
  const pictures = [...clean.matchAll(/<picture\b[\s\S]*?<\/picture\s*>/gi)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  /** @type {{ src: string, lazy: boolean, picture?: number }[]} */
  const images = [];
  for (const m of clean.matchAll(/<(?:img|source)\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const lazy = (a.loading ?? '').toLowerCase() === 'lazy';
    const at = m.index ?? 0;
    const picture = pictures.findIndex(([start, end]) => at > start && at < end);
    const group = picture === -1 ? {} : { picture };
    if (a.src) images.push({ src: decode(a.src), lazy, ...group });
    if (a.srcset) for (const part of decode(a.srcset).split(',')) if (part.trim()) images.push({ src: part.trim().split(/\s+/)[0] ?? '', lazy, ...group });
  }
  return { scripts, links, styles, islands, images };
}

// ---------------------------------------------------------------------------------------------
// JS

const QUOTE = '["\'`]';
const SPEC = `(${QUOTE})(\\.{1,2}\\/[^"'\`\\s]+?)\\1`;
const STATIC_IMPORT = new RegExp(
  `(?:^|[^.\\w$])(?:import\\s*(?:[\\w$*{}\\s,]+?\\s*from\\s*)?|export\\s*(?:\\*(?:\\s*as\\s+[\\w$]+)?|\\{[^}]*\\})\\s*from\\s*)${SPEC}`,
  'g',
);
const DYNAMIC_IMPORT = new RegExp(`(?:^|[^.\\w$])import\\s*\\(\\s*${SPEC}\\s*\\)`, 'g');
const URL_REFERENCE = new RegExp(`new\\s+URL\\s*\\(\\s*(${QUOTE})([^"'\`\\s]+?)\\1\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g');
// Vite's preload helper lists a dynamic import's dependencies as an array of strings.
const PRELOAD_DEPS = /__vite__mapDeps\s*=[\s\S]{0,200}?\[((?:\s*["'`][^"'`]+["'`]\s*,?)+)\]/g;

/** Relative specifiers a JS chunk imports or references. */
export function parseJs(/** @type {string} */ code) {
  const grab = (/** @type {RegExp} */ re) => [...code.matchAll(re)].map((m) => /** @type {string} */ (m[2]));
  const preload = [...code.matchAll(PRELOAD_DEPS)].flatMap((m) => [...(m[1] ?? '').matchAll(/["'`]([^"'`]+)["'`]/g)].map((x) => x[1] ?? ''));
  return {
    static: grab(STATIC_IMPORT),
    dynamic: [...grab(DYNAMIC_IMPORT), ...preload.filter((p) => /\.m?js$/.test(p))],
    urls: [...grab(URL_REFERENCE), ...preload.filter((p) => !/\.m?js$/.test(p))],
  };
}

/** `url(...)` references in CSS. */
export function parseCssUrls(/** @type {string} */ css) {
  return [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)].map((m) => m[2] ?? '').filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
}

// ---------------------------------------------------------------------------------------------
// The page

/**
 * @typedef {object} Asset
 * @property {string} file absolute path on disk
 * @property {string} path path relative to the dist folder, with forward slashes
 * @property {Kind} kind
 * @property {'document' | 'blocking' | 'entry' | 'static' | 'dynamic' | 'reference' | 'data' | 'fetch' | 'lazy' | 'alternative'} via how the page reaches it ('data': dist/data/*.geojson, 'fetch': other data files the JS names; not counted: 'lazy', a `loading="lazy"` image, and 'alternative', a <picture> candidate other than the largest)
 * @property {boolean} maplibre
 * @property {Sizes} sizes
 */

/** A page's HTML file on disk for a URL path inside the site (`/` or `/embed/x/`). */
export function pageFile(/** @type {string} */ dist, /** @type {string} */ page) {
  const clean = page.replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? join(dist, clean, 'index.html') : join(dist, clean);
}

/**
 * Everything a page loads, read from `dist` without a browser. Relative URLs resolve from the
 * page's own folder (the site is built with relative URLs); root-absolute ones from `dist`.
 */
export function analysePage(/** @type {string} */ distFolder, /** @type {string} */ page = '/') {
  const dist = resolve(distFolder);
  const htmlFile = pageFile(dist, page);
  if (!existsSync(htmlFile)) throw new Error(`${relative(process.cwd(), htmlFile)} does not exist: build the site first (npm run build)`);
  const html = readFileSync(htmlFile, 'utf8');
  const parsed = parseHtml(html);

  /** @type {Map<string, Asset>} */
  const assets = new Map();
  /** @type {string[]} */
  const missing = [];
  const inside = (/** @type {string} */ file) => file === dist || file.startsWith(dist + sep);
  const toFile = (/** @type {string} */ url, /** @type {string} */ from) => {
    if (/^(?:[a-z]+:)?\/\//i.test(url) || /^(?:data|blob|javascript|mailto):/i.test(url)) return undefined;
    const path = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
    const file = path.startsWith('/') ? join(dist, path) : resolve(dirname(from), path);
    return inside(file) ? file : undefined;
  };
  const add = (/** @type {string} */ file, /** @type {Asset['via']} */ via) => {
    if (assets.has(file)) return false;
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.push(relative(dist, file).split(sep).join('/'));
      return false;
    }
    const path = relative(dist, file).split(sep).join('/');
    const kind = kindOf(path);
    const content = kind === 'js' || kind === 'worker' ? readFileSync(file, 'utf8') : undefined;
    assets.set(file, { file, path, kind, via, maplibre: isMapLibreFile(path, content), sizes: fileSizes(file) });
    return true;
  };

  add(htmlFile, 'document');

  // Entry points: module and classic scripts, module preloads, stylesheets, island URLs.
  /** @type {string[]} */
  const entries = [];
  for (const s of parsed.scripts) {
    if (s.type !== 'external' || !s.src) continue;
    const file = toFile(s.src, htmlFile);
    if (!file) continue;
    const blocking = !s.module && !s.async && !s.defer;
    add(file, blocking ? 'blocking' : 'entry');
    entries.push(file);
  }
  for (const l of parsed.links) {
    const rels = l.rel.split(/\s+/);
    const file = toFile(l.href, htmlFile);
    if (!file) continue;
    if (rels.includes('stylesheet')) add(file, 'blocking');
    else if (rels.includes('modulepreload') || (rels.includes('preload') && l.as === 'script')) {
      add(file, 'entry');
      entries.push(file);
    } else if (rels.includes('preload') || rels.includes('icon')) add(file, 'reference');
  }
  for (const url of parsed.islands) {
    const file = toFile(url, htmlFile);
    if (!file) continue;
    add(file, 'entry');
    entries.push(file);
  }
  // Inline module scripts can import too.
  /** @type {string[]} */
  const inlineDynamic = [];
  for (const s of parsed.scripts) {
    if (s.type !== 'inline' || !s.text) continue;
    const refs = parseJs(s.text);
    for (const spec of refs.static) {
      const file = toFile(spec, htmlFile);
      if (file && add(file, 'entry')) entries.push(file);
    }
    for (const spec of refs.dynamic) {
      const file = toFile(spec, htmlFile);
      if (file) inlineDynamic.push(file);
    }
  }

  // The JS graph: static edges first (what loads with the entry), then dynamic ones.
  /** @type {Map<string, { static: string[], dynamic: string[], urls: string[] }>} */
  const edges = new Map();
  const edgesOf = (/** @type {string} */ file) => {
    let e = edges.get(file);
    if (!e) {
      const refs = parseJs(readFileSync(file, 'utf8'));
      const resolveAll = (/** @type {string[]} */ list) => list.map((spec) => toFile(spec, file)).filter((f) => f !== undefined);
      e = { static: resolveAll(refs.static), dynamic: resolveAll(refs.dynamic), urls: resolveAll(refs.urls) };
      edges.set(file, e);
    }
    return e;
  };
  const isJs = (/** @type {string} */ f) => /\.m?js$/.test(f) && existsSync(f);

  /** Files reachable from `roots` over static imports only. */
  const staticClosure = (/** @type {string[]} */ roots) => {
    const seen = new Set(roots.filter(isJs));
    const queue = [...seen];
    while (queue.length) {
      const file = /** @type {string} */ (queue.shift());
      for (const next of edgesOf(file).static) {
        if (!isJs(next) || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  };
  const atEntry = staticClosure(entries);
  for (const f of atEntry) add(f, 'static');

  // Everything reachable at all: dynamic imports, then whatever those import.
  const all = new Set(atEntry);
  const queue = [...atEntry, ...inlineDynamic.filter(isJs)];
  for (const f of inlineDynamic.filter(isJs)) {
    all.add(f);
    add(f, 'dynamic');
  }
  while (queue.length) {
    const file = /** @type {string} */ (queue.shift());
    const e = edgesOf(file);
    for (const next of [...e.static, ...e.dynamic]) {
      if (!isJs(next) || all.has(next)) continue;
      all.add(next);
      add(next, 'dynamic');
      queue.push(next);
    }
    for (const ref of e.urls) {
      if (!existsSync(ref)) continue;
      add(ref, 'reference');
      // A worker script is JS too: follow its own imports.
      if (/\.m?js$/.test(ref) && !all.has(ref)) {
        all.add(ref);
        queue.push(ref);
      }
    }
  }

  // CSS: url() references (fonts, images) from inline styles and stylesheets.
  for (const css of parsed.styles)
    for (const u of parseCssUrls(css)) {
      const file = toFile(u, htmlFile);
      if (file && /\.(woff2?|ttf|otf)$/i.test(file)) add(file, 'reference');
    }
  for (const a of [...assets.values()]) {
    if (a.kind !== 'css') continue;
    for (const u of parseCssUrls(readFileSync(a.file, 'utf8'))) {
      const file = toFile(u, a.file);
      if (file && /\.(woff2?|ttf|otf)$/i.test(file)) add(file, 'reference');
    }
  }
  // `loading="lazy"` images load only near the viewport (never while hidden): listed, not counted.
  // Of a <picture>'s candidates the largest is counted (a reader gets one of them), the others
  // are listed as alternatives.
  /** @type {Map<number, string[]>} */
  const candidates = new Map();
  for (const image of parsed.images) {
    const file = toFile(image.src, htmlFile);
    if (!file) continue;
    if (image.picture === undefined || image.lazy) add(file, image.lazy ? 'lazy' : 'reference');
    else candidates.set(image.picture, [...(candidates.get(image.picture) ?? []), file]);
  }
  for (const files of candidates.values()) {
    const existing = files.filter((f) => existsSync(f));
    const largest = existing.reduce((a, b) => (fileSizes(b).gzip > fileSizes(a).gzip ? b : a), existing[0] ?? files[0]);
    for (const f of files) add(f, f === largest ? 'reference' : 'alternative');
  }

  // Data the page's JS fetches. The map builds its URLs at run time (`data/${name}.geojson`
  // against the page's root), so a file counts as loaded when the loaded JS spells out its name:
  // dist/data/*.geojson by name with or without the extension, other data files (e.g. a
  // story.json payload) by file name.
  const loadedJs = [...assets.values()]
    .filter((a) => a.kind === 'js')
    .map((a) => readFileSync(a.file, 'utf8'))
    .join('\n');
  const quoted = (/** @type {string} */ text) => new RegExp(`["'\`/]${text}["'\`]`).test(loadedJs);
  const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dataDir = join(dist, 'data');
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir)
      .filter((n) => n.endsWith('.geojson'))
      .sort()) {
      if (quoted(`${escape(name.slice(0, -'.geojson'.length))}(?:\\.geojson)?`)) add(join(dataDir, name), 'data');
    }
  }
  for (const dir of [dist, dataDir]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => /\.(json|geojson|topojson|csv|pbf)$/.test(n))
      .sort()) {
      const file = join(dir, name);
      if (!assets.has(file) && quoted(escape(name))) add(file, 'fetch');
    }
  }

  const inlineScripts = parsed.scripts.filter((s) => s.type === 'inline').map((s) => s.text ?? '');
  return { dist, page, htmlFile, html, parsed, assets: [...assets.values()], entries, staticAtEntry: atEntry, missing, inlineScripts };
}

/** @typedef {ReturnType<typeof analysePage>} PageAnalysis */

/** Totals by kind (plus MapLibre's share) for a list of assets. */
export function totalsByKind(/** @type {{ kind: Kind, maplibre: boolean, sizes: Sizes }[]} */ assets) {
  /** @type {Record<string, Sizes & { files: number }>} */
  const byKind = {};
  for (const kind of KINDS) byKind[kind] = { raw: 0, gzip: 0, brotli: 0, files: 0 };
  for (const a of assets) {
    const t = /** @type {Sizes & { files: number }} */ (byKind[a.kind]);
    t.raw += a.sizes.raw;
    t.gzip += a.sizes.gzip;
    t.brotli += a.sizes.brotli;
    t.files += 1;
  }
  const total = addSizes(...assets.map((a) => a.sizes));
  const maplibre = addSizes(...assets.filter((a) => a.maplibre).map((a) => a.sizes));
  return { byKind, total, maplibre };
}

/**
 * The budget figures of a page, in bytes of Brotli as served (`fileSizes`):
 * - firstScreen: the HTML, its stylesheets and any render-blocking (classic, non-async) script;
 * - entryJs: the scripts that load with the page, before any dynamic import (its first view's JS);
 * - ownJs: every script the page runs, inline ones included, MapLibre's chunk and worker excluded;
 * - data: the dist/data/*.geojson files the map loads;
 * - payload: other data files the page fetches (e.g. story.json);
 * - font: the font files it loads;
 * - maplibre: MapLibre's chunk, worker and CSS;
 * - wholePage: everything the page loads, once (lazy images excluded).
 */
/** Whether a reader of the page downloads the asset (lazy images and a picture's other candidates aside). */
export const counted = (/** @type {{ via: string }} */ a) => a.via !== 'lazy' && a.via !== 'alternative';

export function budgetFigures(/** @type {PageAnalysis} */ analysis) {
  const assets = analysis.assets.filter(counted);
  const br = (/** @type {Asset[]} */ list) => list.reduce((sum, a) => sum + a.sizes.brotli, 0);
  const inlineJs = analysis.inlineScripts.length ? sizesOf(analysis.inlineScripts.join('\n')).brotli : 0;
  const maplibre = assets.filter((a) => a.maplibre);
  return {
    firstScreen: br(assets.filter((a) => a.via === 'document' || a.via === 'blocking')),
    entryJs: br(assets.filter((a) => a.via === 'entry' || a.via === 'static')),
    ownJs: br(assets.filter((a) => (a.kind === 'js' || a.kind === 'worker') && !a.maplibre)) + inlineJs,
    data: br(assets.filter((a) => a.via === 'data')),
    payload: br(assets.filter((a) => a.via === 'fetch')),
    font: br(assets.filter((a) => a.kind === 'fonts')),
    maplibre: br(maplibre),
    maplibreChunk: br(maplibre.filter((a) => a.kind === 'js')),
    maplibreWorker: br(maplibre.filter((a) => a.kind === 'worker')),
    wholePage: br(assets),
  };
}

/**
 * The limits of bench/budgets.json applied to a page's figures; every size in bytes of Brotli.
 * wholePage may be at most `ratio` × what any page with this map must load: MapLibre, the data
 * it draws (the GeoJSON and story.json) and the fonts.
 */
export function checkBudgets(
  /** @type {ReturnType<typeof budgetFigures>} */ f,
  /** @type {{ firstScreenKB: number, entryJsKB: number, ownJsKB: number, dataKB: number, wholePage: { ratio: number } }} */ budgets,
) {
  const KB = 1024;
  const limit = {
    firstScreen: budgets.firstScreenKB * KB,
    entryJs: budgets.entryJsKB * KB,
    ownJs: budgets.ownJsKB * KB,
    data: budgets.dataKB * KB,
    wholePage: budgets.wholePage.ratio * floor(f),
  };
  return /** @type {const} */ (['firstScreen', 'entryJs', 'ownJs', 'data', 'wholePage']).map((name) => ({
    name,
    value: f[name],
    limit: Math.round(limit[name]),
    ok: f[name] <= limit[name],
  }));
}

/** What any page with this map loads, whatever else it does: MapLibre, its data and fonts. */
export const floor = (/** @type {ReturnType<typeof budgetFigures>} */ f) => f.maplibre + f.data + f.payload + f.font;

export const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);
