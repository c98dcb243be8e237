import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalog } from '@build/data/catalog.ts';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { viewport } from '@lib/frame/mercator.ts';
import { mapStateSchema } from '@build/mapStateSchema.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';
import { STILL_MAP } from '@lib/cartography/pictures.ts';

// The static map of every story section, drawn from the real data as `/maps/<slug>.svg` draws it.
const STORY_DIR = join(process.cwd(), 'src/content/story');
const size = STILL_MAP;
const world = storyWorld();
const data = mapData();
const { places } = catalog();

const sections = readdirSync(STORY_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const frontmatter = readFileSync(join(STORY_DIR, file), 'utf8').split(/^---[ \t]*$/m)[1] ?? '';
    const { map } = parse(frontmatter) as { map: unknown };
    return { file, end: endFrame(mapStateSchema.parse(map), world, { viewport: size }) };
  });

describe.each(sections)('the static map of $file', ({ end }) => {
  const svg = renderSvg(end, data, { ...size, legend: true });

  it('stays under 60 KB', () => {
    expect(Buffer.byteLength(svg)).toBeLessThan(60 * 1024);
  });

  it('names every place the section lists that lies in view', () => {
    const view = viewport(end.camera, size.width, size.height);
    const inView = end.places
      .map((p) => p.id)
      .filter((id) => {
        const [x, y] = view.project(places.get(id)!.lon, places.get(id)!.lat);
        return x >= 0 && x <= size.width && y >= 0 && y <= size.height;
      });
    expect(inView.length).toBeGreaterThan(0);
    const missing = inView.filter((id) => !svg.includes(`>${places.get(id)!.name}</text>`));
    expect(missing).toEqual([]);
  });

  it('is the same bytes every time', () => {
    expect(renderSvg(structuredClone(end), data, { ...size, legend: true })).toBe(svg);
  });
});
