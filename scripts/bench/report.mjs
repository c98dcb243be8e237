// bench/RESULTS.md from the results object the benchmark writes to bench/results.json.
import { KINDS, floor, kb } from './graph.mjs';
import { TRIGGER_TOLERANCE_PX, sectionsApart } from './compare.mjs';

const KIND_LABELS = { html: 'HTML', css: 'CSS', js: 'JS', worker: 'worker', data: 'data', fonts: 'fonts', images: 'images', other: 'other' };
const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x).toLocaleString('en-GB')} ms`);
const score = (x) => (x === null || x === undefined ? '–' : Math.round(x * 100).toString());
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function bytesTable(d) {
  const rows = ['| kind | files | raw KB | gzip KB | brotli KB |', '|---|---:|---:|---:|---:|'];
  for (const kind of KINDS) {
    const t = d.byKind[kind];
    if (!t || !t.files) continue;
    rows.push(`| ${KIND_LABELS[kind]} | ${t.files} | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} |`);
  }
  rows.push(`| **total** | ${d.files.length} | **${kb(d.total.raw)}** | **${kb(d.total.gzip)}** | **${kb(d.total.brotli)}** |`);
  const share = d.total.gzip ? Math.round((100 * d.maplibre.gzip) / d.total.gzip) : 0;
  rows.push(
    `| of which MapLibre (chunk + worker + CSS) | ${d.files.filter((f) => f.maplibre).length} | ${kb(d.maplibre.raw)} | ${kb(d.maplibre.gzip)} (${share} %) | ${kb(d.maplibre.brotli)} |`,
  );
  return rows.join('\n');
}

function filesTable(d) {
  const rows = ['| file | kind | raw KB | gzip KB | brotli KB |', '|---|---|---:|---:|---:|'];
  for (const f of d.files)
    rows.push(
      `| \`${f.path}\`${f.maplibre ? ' (MapLibre)' : ''} | ${KIND_LABELS[f.kind]} | ${kb(f.sizes.raw)} | ${kb(f.sizes.gzip)} | ${kb(f.sizes.brotli)} |`,
    );
  return rows.join('\n');
}

/** A figure's value in its unit. */
function value(x, unit) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (unit === 'ms') return ms(x);
  if (unit === 'score') return score(x);
  if (unit === 'MB' || unit === 'KB') return `${x.toFixed(1)} ${unit}`;
  if (Number.isInteger(x)) return x.toLocaleString('en-GB');
  return x.toFixed(Math.abs(x) < 1 ? 3 : 1);
}

/** Median, and the range over the runs when there were several. */
function spreadCell(s, unit) {
  if (s.median === null) return '–';
  const range = s.values.length > 1 && s.min !== s.max ? ` <sub>${value(s.min, unit)}–${value(s.max, unit)}</sub>` : '';
  return `**${value(s.median, unit)}**${range}`;
}

const runs = (n) => `${n} run${n === 1 ? '' : 's'}`;

const VERDICTS = { ahead: 'story ahead', level: 'level', behind: 'story behind' };

/** The side-by-side table of one group of figures. */
function comparisonTable(rows, { note } = {}) {
  const out = ['| measure | better | story | baseline | story ÷ baseline | |', '|---|---|---:|---:|---:|---|'];
  for (const row of rows) {
    const extra = note?.(row) ?? '';
    out.push(
      `| ${cell(row.label)}${extra} | ${row.better}: ${cell(row.why)} | ${spreadCell(row.story, row.unit)} | ${spreadCell(row.baseline, row.unit)} | ${row.ratio === null ? '–' : `${row.ratio.toFixed(2)}×`} | ${row.verdict ? VERDICTS[row.verdict] : '–'} |`,
    );
  }
  return out.join('\n');
}

/**
 * Before and after in one table per group: the story as it was (`--before`), as it is, the
 * baseline, and the ratios, all from this run. Rows come from three comparisons of the same runs.
 */
function beforeAfterSection(r) {
  const ba = r.beforeAfter;
  if (!ba) return [];
  const out = ['## Before and after (this run)', ''];
  out.push(
    `“before” is the story page built from \`${cell(r.before?.folder ?? '?')}\`${r.before?.commit ? ` (commit \`${cell(r.before.commit)}\`)` : ''}, measured in this run beside this build (“after”) and the baseline, interleaved: every ratio below compares figures taken under the same load.`,
    '',
  );
  const ratio = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(2)}×`);
  const groups = [
    ['Scrolling', 'scroll'],
    ['Scrolling, Chromium compositing on the GPU', 'scrollGpu'],
    ['Before the scroll', 'load'],
    ['Lighthouse, desktop', 'lighthouse', 'desktop'],
    ['Lighthouse, mobile', 'lighthouse', 'mobile'],
    ['Bytes (the .gz and .br files served, one load each)', 'bytes'],
  ];
  for (const [title, key, preset] of groups) {
    const pick = (c) => (preset ? c?.[key]?.[preset] : c?.[key]);
    const before = pick(ba.beforeVsBaseline);
    const after = pick(r.comparison);
    const change = pick(ba.afterVsBefore);
    if (!before || !after || !change) continue;
    out.push(
      `### ${title}`,
      '',
      '| measure | better | before | after | baseline | before ÷ baseline | after ÷ baseline | after ÷ before |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of after) {
      const b = before.find((x) => x.key === row.key);
      const c = change.find((x) => x.key === row.key);
      out.push(
        `| ${cell(row.label)} | ${row.better} | ${b ? spreadCell(b.story, row.unit) : '–'} | ${spreadCell(row.story, row.unit)} | ${spreadCell(row.baseline, row.unit)} | ${ratio(b?.ratio)} | ${ratio(row.ratio)} | ${ratio(c?.ratio)} |`,
      );
    }
    out.push('');
  }
  return out;
}

function loadSection(r) {
  const samples = r.load?.samples ?? [];
  if (!samples.length) return [];
  const ones = samples.map((x) => x.one);
  const during = samples.filter((x) => x.what !== 'start' && x.what !== 'end').map((x) => x.one);
  const out = ['## Load average of this run', ''];
  out.push(
    `1-minute load average on ${r.load.cpus} CPUs: **${samples[0].one}** at the start, **${during.length ? `${Math.min(...during)}–${Math.max(...during)}` : '–'}** before the measurements, **${samples.at(-1).one}** at the end (highest ${Math.max(...ones)}).`,
    'Every figure on this page belongs to this run and its load. Figures from another run (another load, another build) are not comparable with these: the benchmark never sets them side by side, and neither should a reader. To compare two versions, run `npm run bench` on each under the same conditions and compare their ratios to the baseline, not their raw figures.',
    '',
    '<details><summary>Load average before each measurement</summary>',
    '',
    '| time (UTC) | before | 1 min | 5 min |',
    '|---|---|---:|---:|',
    ...samples.map((x) => `| ${x.at.slice(11, 19)} | ${cell(x.what)} | ${x.one} | ${x.five} |`),
    '',
    '</details>',
    '',
  );
  return out;
}

function comparisonSection(r) {
  const c = r.comparison;
  if (!c || !(c.scroll || c.scrollGpu || c.load || c.lighthouse || c.bytes)) return [];
  const out = ['## Story against the baseline (this run)', ''];
  out.push(
    "The baseline (`bench/baseline/`, see [README.md](README.md#the-baseline)) is the approach of the mapbox/storytelling template, the one most scrollytelling copies: one sticky map, chapters of text, scrollama, a `flyTo` to each chapter's camera on enter (MapLibre's default flight), layers faded in or out by opacity, nothing animated by the scroll. It is fed the same 12 sections, cameras, GeoJSON, MapLibre and font, and served the same way.",
    'Bold figures are medians; the small range under each is the lowest and highest run. “story ÷ baseline” is the ratio of the medians; “better” says which way is better for each figure, and the last column which page is ahead by the medians (noise between runs on this machine is often 10–20 %: see the ranges).',
    '',
  );
  const s = r.scroll;
  if (c.scroll) {
    out.push(`### Scrolling (${s.viewport.width}×${s.viewport.height}, ${runs(s.runs.story.length)} each, interleaved)`, '');
    out.push(
      `Each run loads the page in a fresh Chromium, waits until the first screen has settled (no request, long task or map draw for 1 s), scrolls one wheel step (the reader's first interaction), waits until the page reports \`data-map=ready\` and has settled again, then scrolls with the mouse wheel, ${s.pace.stepPx} px every ${s.pace.intervalMs} ms, to the bottom of the page. Figures cover that scroll. ${scrolled(s.runs)}`,
      '',
    );
    out.push(comparisonTable(c.scroll), '');
  }
  if (c.scrollGpu) {
    const g = r.scrollGpu.runs;
    out.push(`### Scrolling, Chromium compositing on the GPU (${runs(g.story.length)} each, interleaved)`, '');
    out.push(
      `The same scroll in a Chromium started with \`${r.scrollGpu.flags.join(' ')}\` (Chromium reported GPU compositing \`${cell(r.scrollGpu.gpuCompositing ?? '?')}\`). Without those flags this Chromium composites the page in software: it reads every WebGL frame back from the GPU process and waits for it on the main thread (see [README.md](README.md#where-the-scrolls-time-goes)), as a browser does on a device whose GPU it will not use. With them it composites and rasterises on the GPU, as on a device with a working GPU, here SwiftShader on the same CPU: the map's frames no longer hold up the main thread, and painting the page costs more than it would on a real GPU. ${scrolled(g)}`,
      '',
    );
    out.push(comparisonTable(c.scrollGpu), '');
  }
  if (c.load) {
    out.push('### Before the scroll (same loads)', '');
    out.push(
      `Times from navigation start, except the last: from the first wheel event to \`<html data-map="ready">\`. “Anything in the map stage” is the first Element Timing paint (image or text) or WebGL draw inside \`${cell(s.stages.story)}\` on the story page, \`${cell(s.stages.baseline)}\` on the baseline. A page that loads its map at once is usually ready before the reader's first scroll: it then counts 0 ms.`,
      '',
    );
    const beforeInput = (name) => s.runs[name].filter((x) => x.mapReadyBeforeInput).length;
    out.push(
      comparisonTable(c.load, {
        note: (row) =>
          row.key === 'inputToReadyMs'
            ? ` (map ready before the first scroll in ${beforeInput('story')} of ${s.runs.story.length} story runs, ${beforeInput('baseline')} of ${s.runs.baseline.length} baseline runs)`
            : '',
      }),
      '',
    );
    const by = (name) => [...new Set(s.runs[name].map((x) => x.firstStagePaint?.by ?? 'nothing'))].map((x) => `\`${x}\``).join(', ');
    out.push(`First paint in the stage was: story ${by('story')}; baseline ${by('baseline')}.`, '');
  }
  if (c.lighthouse) {
    for (const preset of ['desktop', 'mobile']) {
      out.push(
        `### Lighthouse ${r.machine.lighthouse}, ${preset} (${runs(r.lighthouse.pages.story[preset].runs)} each, interleaved)`,
        '',
        comparisonTable(c.lighthouse[preset]),
        '',
      );
    }
  }
  if (c.bytes) {
    out.push('### Bytes a reader downloads (the .gz and .br copies served, one load each)', '', comparisonTable(c.bytes), '');
  }
  if (c.scroll) out.push(...runsTable('Every scroll run', s.runs));
  if (c.scrollGpu) out.push(...runsTable('Every scroll run, Chromium compositing on the GPU', r.scrollGpu.runs));
  return out;
}

/** How far the story and the baseline scrolled in their first runs, and how big their maps drew. */
function scrolled(byPage) {
  const [s, b] = [byPage.story[0], byPage.baseline[0]];
  const size = (x) => (x.canvas ? `${x.canvas.width}×${x.canvas.height}` : '–');
  const apart = sectionsApart(s, b);
  const sections =
    apart === undefined
      ? 'where each changed section was not recorded'
      : apart <= TRIGGER_TOLERANCE_PX
        ? `both changed section at the same points of the scroll (${s.triggers.map((y) => y.toLocaleString('en-GB')).join(', ')} px; the baseline's chapters placed there)`
        : `they changed section at different points (story ${s.triggers.join(', ')} px, baseline ${b.triggers.join(', ')} px): their flights are not like for like`;
  return `The story page scrolled ${s.scrollHeight.toLocaleString('en-GB')} px, the baseline ${b.scrollHeight.toLocaleString('en-GB')} px (padded to the story's height); ${sections}; the maps drew ${size(s)} and ${size(b)} pixels.`;
}

/** Every run of one scroll measurement, story and baseline, in run order, folded away. */
function runsTable(title, byPage) {
  const out = [`<details><summary>${title}</summary>`, ''];
  out.push(
    '| page | run | load (1 min) | scroll | fps | long tasks | script | busy | heap after GC | map frames | draw calls / frame | first stage paint | first scroll → ready |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const all = [...byPage.story.map((x) => ['story', x]), ...byPage.baseline.map((x) => ['baseline', x])].sort((a, b) => a[1].run - b[1].run);
  for (const [name, x] of all) {
    out.push(
      `| ${name} | ${x.run} | ${x.loadAverage} | ${x.seconds} s, ${x.scrollHeight.toLocaleString('en-GB')} px | ${x.fps} | ${x.longTasks.count} (${ms(x.longTasks.totalMs)}) | ${ms(x.mainThreadDuringScrollMs.script)} | ${ms(x.mainThreadDuringScrollMs.task)} | ${(x.heapAfterGcBytes / 1048576).toFixed(1)} MB | ${x.mapFrames} | ${x.drawCallsPerMapFrame ?? '–'} | ${ms(x.firstStagePaint?.ms)} | ${ms(x.firstInputToMapReadyMs)}${x.mapReadyBeforeInput ? ' (ready before)' : ''} |`,
    );
  }
  out.push('', '</details>', '');
  return out;
}

export function renderMarkdown(r) {
  const out = [];
  const m = r.machine;
  out.push('# Benchmark results', '');
  out.push(`Generated by \`${r.command}\` on ${r.date}. Do not edit: run the benchmark again (see [README.md](README.md)).`, '');
  out.push('| | |', '|---|---|');
  out.push(`| machine | ${m.cpus} × ${cell(m.cpuModel)}, ${m.memoryGiB} GiB memory, ${m.os} |`);
  out.push(
    `| software | Node ${m.node}, ${cell(m.chromium)}, Playwright ${m.playwright}, Lighthouse ${m.lighthouse}, MapLibre ${m.maplibre}, esbuild ${m.esbuild} |`,
  );
  out.push(`| source | commit \`${r.source.commit}\`${r.source.dirtyFiles ? `, with ${r.source.dirtyFiles} files changed and not committed` : ''} |`);
  if (r.build) out.push(`| build | \`${r.build.command}\` (${r.build.seconds} s) into \`${r.build.outDir}\` |`);
  if (r.baseline)
    out.push(
      `| baseline | \`${cell(r.baseline.command)}\` (${r.baseline.seconds} s): ${r.baseline.chapters} chapters, ${r.baseline.paths} paths, ${r.baseline.data} data files |`,
    );
  out.push('');
  out.push(
    '> **Read with care.** Headless Chromium here draws WebGL on the CPU (SwiftShader) on a small machine, so frame rates,',
    '> long tasks and Lighthouse TBT are a floor: a phone or laptop with a GPU does far better. Compare figures measured in',
    '> one run (the story against the baseline, before/after on the same machine), never absolute times across machines or runs.',
    '',
  );

  if (r.errors.length) out.push('## Errors', '', ...r.errors.map((e) => `- ${cell(e)}`), '');
  if (r.warnings?.length) out.push('## Warnings', '', ...r.warnings.map((e) => `- ${cell(e)}`), '');
  out.push(...loadSection(r));
  out.push(...beforeAfterSection(r));
  out.push(...comparisonSection(r));

  out.push('## What a reader downloads', '');
  out.push(
    'Recorded in Chromium (1280×800, empty cache): the first view (until the page settles, before any input), then everything until the page reported its map ready (`<html data-map>`) after one wheel step; each file counted as the .gz and .br copies the build wrote beside it (what the server sends; the file itself where there is none). KB = 1024 bytes.',
    '',
  );
  for (const d of [r.downloads.story, r.downloads.embed, r.downloads.baseline, r.downloads.before]) {
    if (!d) continue;
    out.push(`### \`${d.path}\`${d === r.downloads.baseline ? ' of the baseline' : d === r.downloads.before ? ' of the story before' : ''}`, '');
    if (d.notBuilt) {
      out.push(`Not built yet (${d.notBuilt}).`, '');
      continue;
    }
    if (d.error) {
      out.push(`Failed: ${cell(d.error)}`, '');
      continue;
    }
    out.push(
      `Map: **${d.map}**${d.mapReadyMs === null ? '' : ` at ${ms(d.mapReadyMs)}`} (first scroll at ${ms(d.firstScrollMs)}; both from navigation start). First view: ${d.firstView.files} files, ${kb(d.firstView.total.gzip)} KB gzip.${d.errors?.length ? ` Page errors: ${d.errors.map(cell).join('; ')}.` : ''}${d.missing?.length ? ` Not on disk: ${d.missing.map((x) => `\`${x.path}\` (${x.status})`).join(', ')}.` : ''}`,
      '',
    );
    out.push(bytesTable(d), '');
    out.push('<details><summary>Files</summary>', '', filesTable(d), '', '</details>', '');
  }
  const after = r.scroll?.runs?.story?.[0];
  if (after)
    out.push(`After scrolling through the whole story the story page had downloaded ${after.downloadedFiles} files, ${kb(after.downloadedGzip)} KB gzip.`, '');

  if (r.budgets) {
    out.push('## Budgets (`bench/budgets.json`, checked by `tests/build/budget.test.ts`)', '');
    out.push(
      'Read statically from the built files (HTML, its links and scripts, the JS import graph), each file counted as the Brotli copy the build wrote beside it (what the server sends; the file itself where there is none). KB = 1024 bytes.',
      '',
    );
    out.push('| budget | figure | limit | |', '|---|---:|---:|---|');
    for (const b of r.budgets.checks) out.push(`| ${b.name} | ${kb(b.value)} KB | ${kb(b.limit)} KB | ${b.ok ? 'ok' : '**over**'} |`);
    const f = r.budgets.figures;
    const whole = (x) =>
      `${kb(x.wholePage)} KB = **${(x.wholePage / floor(x)).toFixed(3)}×** (MapLibre ${kb(x.maplibre)} + data ${kb(x.data + x.payload)} + fonts ${kb(x.font)} = ${kb(floor(x))} KB); beyond those ${kb(x.wholePage - floor(x))} KB (HTML, the page's own JS, the still)`;
    out.push('', `Whole page: ${whole(f)}. Limit: ${r.budgets.ratio}×.`);
    if (r.budgets.before) out.push('', `The story before (same analysis): ${whole(r.budgets.before)}.`);
    out.push(
      '',
      `MapLibre chunk found: ${r.budgets.maplibreChunk ?? 'no'}; statically imported by the page's entry: ${r.budgets.maplibreStatic ? '**yes**' : 'no'}.`,
      '',
    );
  }

  if (r.lighthouse) {
    out.push(`## Lighthouse ${m.lighthouse} in detail`, '');
    out.push(
      `Chrome flags: \`${r.lighthouseFlags.join(' ')}\`; mobile = Lighthouse's default (simulated slow 4G, 4× CPU slowdown), desktop = \`--preset=desktop\`. Medians of ${runs(r.lighthouse.pages.story.mobile.runs)}.`,
      '',
    );
    out.push(
      '| page | preset | performance | FCP | LCP | TBT | CLS | Speed Index | accessibility | best practices | SEO |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const [name, s] of Object.entries(r.lighthouse.pages)) {
      for (const preset of ['mobile', 'desktop']) {
        const md = s[preset].median;
        out.push(
          `| ${name} | ${preset} | **${score(md.performance)}** | ${ms(md.fcpMs)} | ${ms(md.lcpMs)} | ${ms(md.tbtMs)} | ${md.cls?.toFixed(3) ?? '–'} | ${ms(md.speedIndexMs)} | ${score(md.accessibility)} | ${score(md.bestPractices)} | ${score(md.seo)} |`,
        );
      }
    }
    const nw = r.lighthouse.noWebgl;
    if (nw) {
      for (const preset of ['mobile', 'desktop']) {
        const b = nw[preset];
        out.push(
          `| ${nw.page}, no WebGL (1 run) | ${preset} | ${score(b.performance)} | ${ms(b.fcpMs)} | ${ms(b.lcpMs)} | ${ms(b.tbtMs)} | ${b.cls?.toFixed(3) ?? '–'} | ${ms(b.speedIndexMs)} | ${score(b.accessibility)} | ${score(b.bestPractices)} | ${score(b.seo)} |`,
        );
      }
      out.push(
        '',
        'The “no WebGL” rows are the story page in a Chromium started with `--disable-webgl`: the map fails and the static pictures show. The difference is what the live map costs here (mostly SwiftShader drawing on the CPU).',
      );
    }
    out.push('');
    for (const [name, pages] of Object.entries(r.lighthouse.pages)) {
      for (const preset of ['mobile', 'desktop']) {
        const s = pages[preset];
        const el = s.lcpElement;
        const browserLcp = name === 'story' ? r.lcpBrowser?.[preset] : undefined;
        const lh = el?.selector
          ? `${cell(el.label || '(no label)')} — \`${cell(el.selector)}\``
          : el?.error
            ? `Lighthouse could not name it (${cell(el.error)})`
            : 'none reported by Lighthouse';
        out.push(
          `- ${name}, ${preset}: LCP element ${lh}${s.lcpElementsSeen.length > 1 ? ` (across runs: ${s.lcpElementsSeen.map((x) => `\`${cell(x)}\``).join(', ')})` : ''}`,
        );
        if (browserLcp)
          out.push(
            `  - the browser's own largest-contentful-paint entry (Playwright, ${preset === 'mobile' ? '412×823 phone' : '1280×800'}, no throttling): \`${cell(browserLcp.selector)}\` “${cell(browserLcp.label.slice(0, 80))}” at ${ms(browserLcp.ms)}`,
          );
        out.push(`  - runs (load average): ${s.perRun.map((p) => `${score(p.performance)} (TBT ${ms(p.tbtMs)}; load ${p.loadAverage})`).join(', ')}`);
        const mt = Object.entries(s.mainThreadMs ?? {})
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4);
        if (mt.length)
          out.push(
            `  - main thread (median run): ${mt.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}; costliest scripts: ${(s.topScripts ?? [])
              .slice(0, 3)
              .map((x) => `\`${cell(x.url)}\` ${ms(x.totalMs)}`)
              .join(', ')}`,
          );
        if (s.failedAudits.length)
          out.push(`  - audits below 0.9: ${s.failedAudits.map((a) => `${a.id}${a.displayValue ? ` (${cell(a.displayValue)})` : ''}`).join(', ')}`);
      }
    }
    out.push('');
  }

  const n = r.scrollNoWebgl;
  const live = r.comparison?.scroll;
  if (n && live) {
    const med = (key) => live.find((row) => row.key === key)?.story.median;
    out.push('## The story without WebGL (same run)', '');
    out.push(
      `The same scroll of the story page in a Chromium without WebGL (\`--disable-webgl\`: the map ${n.map === 'failed' ? 'fails and the page shows its static pictures' : `reported “${n.map}”`}), one run, isolates what the live map costs:`,
      '',
    );
    out.push('| | live map (median) | no WebGL (static pictures) |', '|---|---:|---:|');
    out.push(`| frames per second | ${value(med('fps'), '')} | ${n.fps} |`);
    out.push(`| long tasks while scrolling | ${value(med('longTasks'), '')} (${ms(med('longTaskMs'))}) | ${n.longTasks.count} (${ms(n.longTasks.totalMs)}) |`);
    out.push(`| main thread busy (CDP TaskDuration) | ${ms(med('busyMs'))} | ${ms(n.mainThreadDuringScrollMs.task)} |`);
    out.push(`| JS heap after GC | ${value(med('heapMB'), 'MB')} | ${(n.heapAfterGcBytes / 1048576).toFixed(1)} MB |`);
    out.push('');
  }

  if (r.frameBench) {
    const f = r.frameBench;
    out.push('## Per-scroll work without MapLibre (Node micro-benchmark)', '');
    out.push(
      `\`frame(section, progress)\` (src/lib/frame/frame.ts) and the update it triggers (\`createRenderer(map)\` of src/lib/map/renderer.ts on a stand-in map that only records calls), ${f.calls.toLocaleString('en-GB')} calls sweeping progress 0→1→0 across all ${f.sections} sections after ${f.warmup.toLocaleString('en-GB')} warm-up calls, Node ${f.node}. MapLibre's own work for those calls (the worker round trips of \`setData\` and filter changes, gradients, drawing) is not included.`,
      '',
    );
    out.push('| | median | p95 | p99 | max | total |', '|---|---:|---:|---:|---:|---:|');
    for (const [label, key] of [
      ['frame + apply', 'frameAndApply'],
      ['frame only', 'frameOnly'],
      ['apply only', 'applyOnly'],
      ['frame + apply, narrow screen', 'frameAndApplyNarrow'],
    ]) {
      const x = f[key];
      out.push(`| ${label} | ${x.medianUs} µs | **${x.p95Us} µs** | ${x.p99Us} µs | ${x.maxUs} µs | ${x.totalMs} ms |`);
    }
    out.push(
      '',
      `Map calls over the ${f.calls.toLocaleString('en-GB')} calls: ${Object.entries(f.mapCallsPerSweep)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-GB')}`)
        .join(', ')}.`,
      '',
    );
  }
  if (r.export) {
    const e = r.export;
    out.push('## Video export (`npm run export`)', '');
    out.push(
      `Every section's social videos, square and vertical (${e.videos} MP4 files), drawn offline and encoded in headless Chromium: **${e.seconds} s** (\`${e.command}\`), load average ${e.loadAverage.start.toFixed(1)} at the start and ${e.loadAverage.end.toFixed(1)} at the end on this machine.`,
      '',
    );
  }

  return out.join('\n');
}
