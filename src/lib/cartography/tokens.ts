import type { Palette } from './palette.ts';

/**
 * The palette as CSS custom properties, so the pages' stylesheets draw with the map's own
 * colours: `--ink`, `--sea`… one per palette entry, kebab-cased (`labelMinor` → `--label-minor`).
 * Astro serves it as the stylesheet `virtual:tokens.css` (astro.config.mjs), imported first.
 */
export function cssTokens(palette: Palette, selector = ':root'): string {
  const lines = Object.entries(palette).map(([name, value]) => `  --${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`);
  return `${selector} {\n${lines.join('\n')}\n}\n`;
}
