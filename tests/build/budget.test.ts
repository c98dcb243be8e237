import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePage, budgetFigures, checkBudgets, counted, floor, kb, type PageAnalysis } from '../../scripts/bench/graph.mjs';

// Byte budgets of the story page, read from the built files (dist/, or $DIST) without a browser:
// the HTML, what it links and runs, and the JS import graph from there, each file counted as the
// Brotli copy the build wrote beside it (what the server sends). Runs after the build.
const DIST = process.env.DIST ?? 'dist';

interface Budgets {
  firstScreenKB: number;
  entryJsKB: number;
  ownJsKB: number;
  dataKB: number;
  wholePage: { ratio: number };
  inlineHeadScriptMaxBytes: number;
}
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Budgets;

let page: PageAnalysis;
let figures: ReturnType<typeof budgetFigures>;

beforeAll(() => {
  page = analysePage(DIST, '/');
  figures = budgetFigures(page);
}, 60_000);

const list = (files: { path: string; sizes: { brotli: number } }[]) => files.map((f) => `${f.path} (${kb(f.sizes.brotli)} KB)`).join(', ');

describe(`byte budgets of the story page (${DIST}/index.html, KB Brotli)`, () => {
  it('finds what the page loads: HTML, its own JS, MapLibre (chunk and worker) and the map data', () => {
    expect(page.missing, `files the page names but ${DIST}/ lacks`).toEqual([]);
    const chunk = page.assets.find((a) => a.maplibre && a.kind === 'js');
    const worker = page.assets.find((a) => a.maplibre && a.kind === 'worker');
    expect(chunk, `no MapLibre chunk among ${list(page.assets)}: is it still named maplibre.*.js (astro.config.mjs)?`).toBeDefined();
    expect(worker, `no MapLibre worker among ${list(page.assets)}`).toBeDefined();
    for (const name of ['firstScreen', 'entryJs', 'ownJs', 'data', 'maplibre', 'wholePage'] as const) {
      expect(figures[name], `${name} measured ${figures[name]} bytes`).toBeGreaterThan(0);
    }
    // MapLibre alone is a few hundred KB: a figure far below that means the parser lost it.
    expect(figures.maplibre, 'MapLibre (chunk + worker) in bytes of Brotli').toBeGreaterThan(100 * 1024);
    // Every text file the page loads is served as Brotli: the build wrote a .br beside it.
    const text = page.assets.filter((a) => counted(a) && ['html', 'js', 'worker', 'data'].includes(a.kind) && a.sizes.raw >= 1024);
    expect(
      text.filter((a) => a.sizes.brotli >= a.sizes.raw).map((a) => a.path),
      'text files without a smaller .br copy',
    ).toEqual([]);
  });

  for (const name of ['firstScreen', 'entryJs', 'ownJs', 'data', 'wholePage'] as const) {
    it(`${name} is within its budget`, () => {
      const check = checkBudgets(figures, budgets).find((c) => c.name === name)!;
      const detail =
        name === 'firstScreen'
          ? list(page.assets.filter((a) => a.via === 'document' || a.via === 'blocking'))
          : name === 'entryJs'
            ? list(page.assets.filter((a) => a.via === 'entry' || a.via === 'static'))
            : name === 'ownJs'
              ? `${list(page.assets.filter((a) => (a.kind === 'js' || a.kind === 'worker') && !a.maplibre))} + inline scripts`
              : name === 'data'
                ? list(page.assets.filter((a) => a.via === 'data'))
                : `limit = ${budgets.wholePage.ratio} × (MapLibre ${kb(figures.maplibre)} + data ${kb(figures.data + figures.payload)} + fonts ${kb(figures.font)}); ` +
                  `beyond those the page loads ${kb(figures.wholePage - floor(figures))} KB: ` +
                  list(page.assets.filter((a) => counted(a) && !a.maplibre && a.via !== 'data' && a.via !== 'fetch' && a.kind !== 'fonts'));
      expect(check.value, `${name} is ${kb(check.value)} KB Brotli, over its limit of ${kb(check.limit)} KB: ${detail}`).toBeLessThanOrEqual(check.limit);
    });
  }

  it('has no render-blocking script in <head> beyond tiny inline ones', () => {
    const head = page.parsed.scripts.filter((s) => s.inHead);
    const blocking = head.filter((s) => s.type === 'external' && !s.module && !s.async && !s.defer).map((s) => s.src);
    expect(blocking, 'classic <script src> in <head> without defer/async/type=module').toEqual([]);
    const big = head
      .filter((s) => s.type === 'inline' && !s.module && Buffer.byteLength(s.text ?? '') > budgets.inlineHeadScriptMaxBytes)
      .map((s) => `${Buffer.byteLength(s.text ?? '')} bytes: ${(s.text ?? '').slice(0, 80)}…`);
    expect(big, `inline scripts in <head> over ${budgets.inlineHeadScriptMaxBytes} bytes`).toEqual([]);
  });

  it("loads MapLibre by dynamic import, not with the page's entry", () => {
    const chunk = page.assets.find((a) => a.maplibre && a.kind === 'js');
    expect(chunk, 'MapLibre chunk').toBeDefined();
    const entries = [...page.staticAtEntry].map((f) => f.slice(page.dist.length + 1));
    expect(page.staticAtEntry.has(chunk!.file), `${chunk!.path} is loaded statically with the page's entry (${entries.join(', ')})`).toBe(false);
    expect(chunk!.via, `${chunk!.path} is reached via ${chunk!.via}`).toBe('dynamic');
  });
});
