import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, pngStats, rendered, waitForMap } from './fixtures.ts';
import { readStory } from '../support/story.ts';
import { scrollToSection } from './story.ts';

// Any reader: screen readers, keyboards, zoom, low vision. axe checks what rules can check
// (contrast, names, roles, landmarks); the rest is asserted here by hand.

const story = readStory();

/** Runs axe and fails on any serious or critical violation, naming the rule and the elements. */
async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = (vs: typeof results.violations) =>
    vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n')}`);
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length) test.info().annotations.push({ type: `axe minor (${label})`, description: summary(minor).join('\n') });
  // Text over the map: axe cannot see through a canvas and marks such contrast "needs review".
  const review = results.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
  if (review.length) test.info().annotations.push({ type: `axe contrast to review (${label})`, description: review.join('\n') });
  expect(summary(serious), `serious or critical axe violations on ${label}`).toEqual([]);
}

test.describe('axe', () => {
  // One axe run per test: each reads the whole long page, slowly on a busy machine.
  test('the story page before its live map', async ({ page }) => {
    await page.goto('./');
    await expectNoSeriousViolations(page, 'the story page, waiting');
  });

  test('the story page with its live map ready', async ({ page }) => {
    await page.goto('./');
    await waitForMap(page);
    await expectNoSeriousViolations(page, 'the story page, map ready');
  });

  test(`the story page at ${story[4]!.slug}`, async ({ page }) => {
    await page.goto('./');
    await waitForMap(page);
    await scrollToSection(page, story[4]!.slug, 0.9);
    await expectNoSeriousViolations(page, `the story page, at ${story[4]!.slug}`);
  });

  test('the story page on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`./#${story[2]!.slug}`);
    await waitForMap(page);
    await expectNoSeriousViolations(page, 'the story page, phone');
  });

  // The journalists' index and one embed (built by the embed work; skipped until they exist).
  for (const path of ['embed/', `embed/${story[0]!.slug}/`]) {
    test(`/${path}`, async ({ page, request }) => {
      test.skip((await request.get(path)).status() === 404, `/${path} is not built yet`);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectNoSeriousViolations(page, `/${path}`);
      const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
      expect(viewport ?? '').not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/i);
    });
  }
});

test('a skip link, first in the tab order, jumps past the map to the story text', async ({ page }) => {
  await page.goto('./');
  await waitForMap(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip past the map to the story text' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#story-text$/);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const focused = document.activeElement!;
    const text = document.getElementById('story-text')!;
    return {
      inStage: !!focused.closest('.stage'),
      afterStoryStart: !!(text.compareDocumentPosition(focused) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)),
    };
  });
  expect(next).toEqual({ inStage: false, afterStoryStart: true });
});

test('real headings: one h1, then an h2 for every section in story order, no skipped levels', async ({ page }) => {
  await page.goto('./');
  await waitForMap(page);
  const headings = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((hs) =>
      hs.filter((h) => !h.closest('[aria-hidden="true"]')).map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim() })),
    );
  expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
  expect(headings[0]!.level).toBe(1);
  for (let i = 1; i < headings.length; i++) {
    expect(headings[i]!.level, `${headings[i]!.text} follows ${headings[i - 1]!.text}`).toBeLessThanOrEqual(headings[i - 1]!.level + 1);
  }
  const h2 = headings.filter((h) => h.level === 2).map((h) => h.text);
  expect(h2.filter((t) => story.some((s) => s.title === t))).toEqual(story.map((s) => s.title));
});

test('every control is reachable by Tab and visibly focused', async ({ page }) => {
  await page.goto('./');
  await waitForMap(page);
  // The controls there are now, at the top of the story ("Previous section" is disabled here).
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')) {
      // checkVisibility: a closed <details> keeps its links' boxes but hides them from Tab.
      if (!(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]')) el.dataset.control = '';
    }
  });
  const reached: string[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      if (el.dataset.tabbed) return { wrapped: true } as const;
      el.dataset.tabbed = String(document.querySelectorAll('[data-tabbed]').length);
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        wrapped: false,
        name: `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}”`,
        outlined: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
      } as const;
    });
    if (!focus || focus.wrapped) break;
    reached.push(focus.name);
    expect(focus.outlined, `${focus.name} shows where the focus is`).toBe(true);
    expect(focus.inView, `${focus.name} is on screen when focused`).toBe(true);
  }
  expect(reached.length).toBeGreaterThan(5);
  // Every one of those controls was reached.
  const missed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-control]')].filter((el) => !el.dataset.tabbed).map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(missed, 'controls Tab never reached').toEqual([]);
});

test('a section heading shows its whole focus ring', async ({ page }) => {
  // A section that clips what it paints (paint containment, as `content-visibility` brings)
  // cuts the ring's sides off: it was tried, and this caught it (bench/README.md).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await page.keyboard.press('ArrowRight');
  const heading = page.locator(`#${story[1]!.slug} h2`);
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport({ ratio: 1 });
  await rendered(heading);
  const { box, colour } = await heading.evaluate((h) => {
    const r = h.getBoundingClientRect();
    const [red, green, blue] = getComputedStyle(h).outlineColor.match(/\d+/g)!.map(Number);
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, colour: [red!, green!, blue!] };
  });
  // The ring's left and right sides: 3 px wide, 2 px out from the heading (base.css).
  for (const [side, x] of [
    ['left', box.x - 4.5],
    ['right', box.x + box.width + 2.5],
  ] as const) {
    const strip = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(box.y), width: 2, height: Math.floor(box.height) } });
    expect((await pngStats(page, strip, colour)).matching, `the ring's ${side} side is drawn`).toBeGreaterThan(0.8);
  }
});

test('the map description of each section is announced politely as it becomes active', async ({ page }) => {
  await page.goto('./');
  await waitForMap(page);
  const live = page.locator('.stage [aria-live="polite"]');
  await expect(live).toHaveCount(1);
  await expect(live).toHaveText(`Map: ${story[0]!.alt}`);
  for (const section of story.slice(1, 5)) {
    await scrollToSection(page, section.slug, 0.5);
    await expect(live).toHaveText(`Map: ${section.alt}`);
  }
  // Back up: the earlier description is announced again.
  await scrollToSection(page, story[1]!.slug, 0.5);
  await expect(live).toHaveText(`Map: ${story[1]!.alt}`);
});

test('the map canvas is hidden from screen readers and out of the tab order', async ({ page }) => {
  await page.goto('./');
  await waitForMap(page);
  await expect(page.locator('.stage .map')).toHaveAttribute('aria-hidden', 'true');
  const canvas = page.locator('canvas.maplibregl-canvas');
  expect(await canvas.evaluate((c) => !!c.closest('[aria-hidden="true"]'))).toBe(true);
  expect(await canvas.evaluate((c) => c.tabIndex)).toBeLessThan(0);
  // MapLibre labels its canvas as a "Map" region; hidden, it must not reach the accessibility tree.
  await expect(page.getByRole('region', { name: 'Map', exact: true })).toHaveCount(0);
});

test('text on the stage meets AA contrast whatever map pixel lies beneath it', async ({ page }) => {
  // axe leaves text over a canvas "to review": it cannot know the pixels. Here every text on the
  // stage is measured against its own backgrounds composited over the worst map pixel (black or
  // white, whichever gives less contrast), in a section with the legend at its fullest.
  const busiest = [...story].sort((a, b) => b.map.layers.length + b.map.paths.length - (a.map.layers.length + a.map.paths.length))[0]!;
  await page.goto(`./#${busiest.slug}`);
  await waitForMap(page);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 812 },
  ]) {
    await page.setViewportSize(viewport);
    await rendered(page.locator('html'));
    const failures = await page.locator('.stage').evaluate((stage) => {
      type RGBA = [number, number, number, number];
      const parse = (c: string): RGBA => {
        const m = c.match(/[\d.]+/g)!.map(Number);
        return [m[0]!, m[1]!, m[2]!, m[3] ?? 1];
      };
      const over = (top: RGBA, bottom: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as RGBA;
      const luminance = ([r, g, b]: RGBA) =>
        [r, g, b]
          .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const ratio = (a: RGBA, b: RGBA) => {
        const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (l1! + 0.05) / (l2! + 0.05);
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement!;
        if (
          !node.textContent!.trim() ||
          el.closest('.sr-only, [aria-hidden="true"]') ||
          !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        )
          continue;
        const layers: RGBA[] = [];
        // The stage's own background counts: the map is one part of it, the text sits beside it.
        for (let e: Element | null = el; e && e !== stage.parentElement; e = e.parentElement) {
          const bg = parse(getComputedStyle(e).backgroundColor);
          if (bg[3] > 0) layers.unshift(bg);
        }
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const worst = Math.min(
          ...(
            [
              [0, 0, 0, 1],
              [255, 255, 255, 1],
            ] as RGBA[]
          ).map((pixel) => {
            const background = layers.reduce((under, layer) => over(layer, under), pixel);
            return ratio(over(parse(style.color), background), background);
          }),
        );
        if (worst < (large ? 3 : 4.5)) out.push(`“${node.textContent!.trim().slice(0, 40)}” (${el.className || el.tagName}): ${worst.toFixed(2)}:1`);
      }
      return out;
    });
    expect(failures, `text on the stage at ${viewport.width} px`).toEqual([]);
  }
});

test('zoom is never disabled', async ({ page }) => {
  await page.goto('./');
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewport).toContain('width=device-width');
  expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/i);
});
