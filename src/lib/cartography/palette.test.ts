import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { embedOptions } from '../embed/options.ts';
import { DARK, LIGHT, type Palette } from './palette.ts';
import { DISPLAY_SCRIPT, themeFromUrl, usedTheme } from './theme.ts';
import { themeStylesheet } from './tokens.ts';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
/** Hue in degrees of a `#rrggbb` colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

type Key = keyof Palette;
/** Text and what it is read on: AA asks 4.5:1. Map labels sit on their halo, but must read on the ground too. */
const TEXT: [Key, Key][] = [
  ['ink', 'paper'],
  ['muted', 'paper'],
  ['accent', 'paper'],
  ['ink', 'noteBg'],
  ['label', 'halo'],
  ['labelMinor', 'halo'],
  ['label', 'land'],
  ['label', 'syria'],
  ['label', 'sea'],
  ['labelMinor', 'syria'],
  ['shieldText', 'm5'],
];
/** What the story draws, against the ground it is drawn on (Syria): 3:1 for graphics (WCAG 1.4.11). */
const STORY: Key[] = ['m5', 'frontLine', 'government', 'rebel', 'turkish', 'civilian', 'contested', 'strikes', 'posts', 'helicopter', 'idlib'];
/** The arrows that cross the border: Turkish reinforcements come from Turkey, civilians flee toward it. */
const CROSSING: Key[] = ['turkish', 'civilian'];
const ACTORS: Key[] = ['government', 'rebel', 'turkish', 'civilian', 'contested', 'strikes'];

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
] as const)('the %s palette', (_name, palette) => {
  it('has every colour as #rrggbb', () => {
    for (const [key, value] of Object.entries(palette)) expect(value, key).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(TEXT)('reads %s on %s at AA (4.5:1)', (text, ground) => {
    expect(contrast(palette[text], palette[ground])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(STORY)('draws %s at 3:1 or more against Syria', (key) => {
    expect(contrast(palette[key], palette.syria)).toBeGreaterThanOrEqual(3);
  });

  it.each(CROSSING)('draws %s at 3:1 or more against the land beyond Syria too', (key) => {
    expect(contrast(palette[key], palette.land)).toBeGreaterThanOrEqual(3);
  });
});

describe('the dark palette is designed, not inverted', () => {
  it('keeps each actor in its hue, so red is the government on both maps', () => {
    for (const key of ACTORS) expect(hueGap(hue(DARK[key]), hue(LIGHT[key])), key).toBeLessThan(20);
  });

  it('is dark where the light one is light, and keeps Syria lighter than its neighbours and the sea', () => {
    expect(luminance(DARK.paper)).toBeLessThan(0.02);
    expect(luminance(DARK.syria)).toBeGreaterThan(luminance(DARK.land));
    expect(luminance(DARK.land)).toBeGreaterThan(luminance(DARK.sea));
    expect(luminance(LIGHT.syria)).toBeGreaterThan(luminance(LIGHT.land));
  });

  it('catches a palette that fails (negative control)', () => {
    expect(contrast('#777777', '#888888')).toBeLessThan(3);
    expect(hueGap(hue('#ff0000'), hue('#00ffff'))).toBe(180);
  });
});

describe('theme tokens', () => {
  const css = themeStylesheet();
  it('are light by default, dark under data-theme=dark, and dark for auto only when the system is', () => {
    expect(css).toMatch(/^:root \{[^}]*--paper: #ffffff;[^}]*color-scheme: light;/);
    expect(css).toMatch(/:root\[data-theme="dark"\] \{[^}]*--paper: #15171a;/);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\n:root\[data-theme="auto"\] \{[^}]*--paper: #15171a;/);
    expect(css).toContain('--label-minor: #c9c4ba;');
    expect(css).toContain('--note-bg: #fbf6e9;');
  });
});

/** What the inline head script writes on <html> for an address. */
function displayAttributes(search: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  runInNewContext(DISPLAY_SCRIPT, { location: { search }, document: { documentElement: { setAttribute: (k: string, v: string) => (attributes[k] = v) } } });
  return attributes;
}

describe('the theme and view from the address', () => {
  const cases = ['', '?theme=dark', '?theme=light', '?theme=auto', '?theme=purple', '?theme=', '?xtheme=dark', '?a=1&theme=dark&view=map', '?view=still', '?view=map&theme=auto', '?view=everything', '?theme=dark&theme=light', '?theme=%64ark'];
  it.each(cases)('the inline script and the modules read %j alike', (search) => {
    const attrs = displayAttributes(search);
    const options = embedOptions(search);
    expect(attrs['data-theme']).toBe(themeFromUrl(search));
    expect(attrs['data-view'] ?? 'full').toBe(options.view);
  });

  it('resolves auto by the system setting, and no theme as light', () => {
    expect(usedTheme('auto', true)).toBe('dark');
    expect(usedTheme('auto', false)).toBe('light');
    expect(usedTheme('dark', false)).toBe('dark');
    expect(usedTheme(undefined, true)).toBe('light');
  });
});
