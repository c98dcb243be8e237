import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress, TEXT_EXTENSIONS } from '../src/integrations/precompress.ts';
import { validateInputs } from '../src/integrations/validateInputs.ts';

const ROOT = process.cwd();
const DIST = process.env.DIST ?? 'dist';

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

describe('precompress', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-test-'));
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes a .br and a .gz beside each text file that shrinks, and nothing beside the rest', async () => {
    const prose = 'Saraqeb, where the M-5 and M-4 meet, changed hands twice in February 2020. '.repeat(60);
    const files: Record<string, string | Buffer> = {
      'index.html': `<!doctype html><p>${prose}</p>`,
      '_astro/app.js': `console.log(${JSON.stringify(prose)});`,
      '_astro/worker.mjs': `export const s = ${JSON.stringify(prose)};`,
      'a.css': `p::after { content: ${JSON.stringify(prose)} }`,
      'story.json': JSON.stringify({ prose }),
      'data/places.geojson': JSON.stringify({ type: 'FeatureCollection', features: [], prose }),
      'maps/a.svg': `<svg xmlns="http://www.w3.org/2000/svg"><desc>${prose}</desc></svg>`,
      'robots.txt': prose,
      'sitemap.xml': `<urlset>${prose}</urlset>`,
      'share/story.png': Buffer.concat([randomBytes(512), Buffer.from(prose)]),
      'fonts/noto.woff2': Buffer.from(prose),
      'tiny.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'noise.txt': randomBytes(3000),
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const result = await precompress(dir);

    const compressed = [
      'index.html',
      '_astro/app.js',
      '_astro/worker.mjs',
      'a.css',
      'story.json',
      'data/places.geojson',
      'maps/a.svg',
      'robots.txt',
      'sitemap.xml',
    ];
    for (const path of compressed) {
      expect(brotliDecompressSync(readFileSync(join(dir, `${path}.br`))).toString(), path).toBe(files[path]);
      expect(gunzipSync(readFileSync(join(dir, `${path}.gz`))).toString(), path).toBe(files[path]);
    }
    // Images and fonts are compressed already; a tiny file or random bytes would not shrink enough to pay.
    for (const path of ['share/story.png', 'fonts/noto.woff2', 'tiny.svg', 'noise.txt']) {
      expect(existsSync(join(dir, `${path}.br`)) || existsSync(join(dir, `${path}.gz`)), path).toBe(false);
    }
    expect(result.files).toBe(Object.keys(files).filter((p) => TEXT_EXTENSIONS.has(extname(p))).length);
  });
});

describe('validateInputs', () => {
  it('names file, field and reason for every bad story file, in plain words', async () => {
    const root = mkdtempSync(join(tmpdir(), 'validate-test-'));
    try {
      const story = join(root, 'src', 'content', 'story');
      mkdirSync(story, { recursive: true });
      const saraqeb = readFileSync(join(ROOT, 'src/content/story/03-saraqeb.md'), 'utf8');
      // No alt, an unknown field, a layer that does not exist; and a file whose frontmatter is not YAML.
      const broken = saraqeb
        .replace(/^alt: >-\n(?: {2}.*\n)+/m, '')
        .replace(/^order: 3$/m, 'order: 3\ncolour: red')
        .replace('layers: [control, taken, idlib, posts]', 'layers: [control, nowhere, idlib, posts]');
      expect(broken).not.toBe(saraqeb);
      writeFileSync(join(story, '03-saraqeb.md'), broken);
      writeFileSync(join(story, '04-bad.md'), '---\ntitle: [unclosed\n---\nText.\n');
      cpSync(join(ROOT, 'src/content/story/01-the-road.md'), join(story, '01-the-road.md'));

      const hook = validateInputs({ storyDir: 'src/content/story' }).hooks['astro:config:setup']!;
      const run = () => hook({ command: 'build', config: { root: pathToFileURL(`${root}/`) } } as unknown as Parameters<typeof hook>[0]);
      let message = '';
      try {
        await run();
      } catch (error) {
        message = (error as Error).message;
      }
      const lines = message.split('\n');
      expect(lines).toContain('src/content/story/03-saraqeb.md: field "alt": missing');
      expect(lines).toContain('src/content/story/03-saraqeb.md: field "colour": unknown field');
      expect(lines.some((l) => l.startsWith('src/content/story/03-saraqeb.md: field "map.layers[1]": Invalid option'))).toBe(true);
      expect(lines).toContain('src/content/story/04-bad.md: frontmatter is not valid YAML, line 3: unexpected end of the stream within a flow collection');
      expect(lines.every((l) => l.startsWith('src/content/story/03-saraqeb.md: ') || l.startsWith('src/content/story/04-bad.md: '))).toBe(true);
      expect(message).not.toContain('**');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// The real build, read from dist/ (or $DIST) when there is one (npm test builds first).
describe.runIf(existsSync(join(DIST, 'index.html')))(`the built site (${DIST}/)`, () => {
  it('has a Brotli and a gzip copy beside every sizeable text file, and none beside images and fonts', () => {
    const all = walk(DIST);
    const text = all.filter((f) => TEXT_EXTENSIONS.has(extname(f)) && readFileSync(f).length >= 1024);
    expect(text.length).toBeGreaterThan(20);
    for (const file of text) {
      expect(existsSync(`${file}.br`), `${file}.br`).toBe(true);
      expect(existsSync(`${file}.gz`), `${file}.gz`).toBe(true);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(readFileSync(file)), file).toBe(true);
    }
    for (const file of all.filter((f) => /\.(png|woff2)$/.test(f))) expect(existsSync(`${file}.br`), file).toBe(false);
  });
});

/** A copy of the project in a temporary folder, sharing node_modules' packages but not their caches. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-test-'));
  for (const entry of ['src', 'data', 'public', 'seeds', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!['.astro', '.vite', '.vite-temp', '.cache'].includes(entry)) symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

function npmRunBuild(cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile('npm', ['run', 'build'], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

describe('npm run build', () => {
  let project = '';
  beforeAll(() => {
    project = projectCopy();
  });
  afterAll(() => project && rmSync(project, { recursive: true, force: true }));
  const edit = (path: string, from: RegExp, to: string) => {
    const file = join(project, path);
    const before = readFileSync(file, 'utf8');
    expect(before, `${path} has ${from}`).toMatch(from);
    writeFileSync(file, before.replace(from, to));
  };

  it('keeps the last good site when a build fails late or on bad data, and says file, field and reason', async () => {
    // The "last good site": a marker the build must leave alone.
    mkdirSync(join(project, 'dist'));
    writeFileSync(join(project, 'dist', 'index.html'), 'the last good build');

    // 1. Fails late: two sections share an order, which only the page build notices.
    edit('src/content/story/03-saraqeb.md', /^order: 3$/m, 'order: 2');
    const late = await npmRunBuild(project);
    expect(late.code).not.toBe(0);
    expect(readdirSync(join(project, 'dist')), 'dist/ after a late failure').toEqual(['index.html']);
    expect(readFileSync(join(project, 'dist', 'index.html'), 'utf8')).toBe('the last good build');
    expect(late.output).toContain('src/content/story/03-saraqeb.md: field "order": 2 is also used by 02-the-offensive.md');
    expect(late.output).not.toMatch(/\*\*|Stack trace/);

    // 2. Bad data while no story file changed since that build (its content cache is warm): the
    //    data is still checked first, on every build.
    edit('data/places.json', /"lon": 36\.29128/, '"lon": "east"');
    const data = await npmRunBuild(project);
    expect(data.code).not.toBe(0);
    expect(readFileSync(join(project, 'dist', 'index.html'), 'utf8'), 'dist/ after bad data').toBe('the last good build');
    expect(data.output).toContain('data/places.json: place "damascus", field "lon": Invalid input: expected number, received string');
    // Reported before any page is built, without Astro's stack trace.
    expect(data.output).not.toMatch(/\*\*|Stack trace|generating static routes/);

    // Nothing is left behind in the scratch folder.
    expect(readdirSync(join(project, '.builds'))).toEqual([]);
  }, 300_000);
});
