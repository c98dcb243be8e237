import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalog } from '../../src/lib/data/catalog.ts';
import { samplePaths } from '../../src/lib/data/samplePaths.ts';
import { frame } from '../../src/lib/frame.ts';
import { viewport } from '../../src/lib/geo/mercator.ts';
import { mapStateSchema } from '../../src/lib/story/mapState.ts';
import { renderSvg } from '../../src/lib/svg/renderSvg.ts';
import { STILL_MAP } from '../../src/lib/svg/stillMap.ts';

// The static map of every story section, drawn from the real data as `/maps/<slug>.svg` draws it.
const STORY_DIR = join(process.cwd(), 'src/content/story');
const size = STILL_MAP;
const paths = samplePaths();
const { places } = catalog();

const sections = readdirSync(STORY_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const frontmatter = readFileSync(join(STORY_DIR, file), 'utf8').split(/^---[ \t]*$/m)[1] ?? '';
    const { map } = parse(frontmatter) as { map: unknown };
    return { file, end: frame(mapStateSchema.parse(map), 1, paths, {}) };
  });

describe.each(sections)('the static map of $file', ({ end }) => {
  const svg = renderSvg(end, { ...size, legend: true });

  it('stays under 60 KB', () => {
    expect(Buffer.byteLength(svg)).toBeLessThan(60 * 1024);
  });

  it('names every place the section lists that lies in view', () => {
    const view = viewport(end.camera, size.width, size.height);
    const inView = end.places.filter((id) => {
      const [x, y] = view.project(places.get(id)!.lon, places.get(id)!.lat);
      return x >= 0 && x <= size.width && y >= 0 && y <= size.height;
    });
    expect(inView.length).toBeGreaterThan(0);
    const missing = inView.filter((id) => !svg.includes(`>${places.get(id)!.name}</text>`));
    expect(missing).toEqual([]);
  });

  it('is the same bytes every time', () => {
    expect(renderSvg(structuredClone(end), { ...size, legend: true })).toBe(svg);
  });
});
