import { DARK, LIGHT, type Palette } from './palette.ts';
import { DARK_QUERY } from './theme.ts';

/**
 * The palette as CSS custom properties, so the pages' stylesheets draw with the map's own
 * colours: `--ink`, `--sea`… one per palette entry, kebab-cased (`labelMinor` → `--label-minor`).
 */
export function cssTokens(palette: Palette, selector = ':root', extra: Record<string, string> = {}): string {
  const entries = [...Object.entries(palette).map(([name, value]) => [`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value]), ...Object.entries(extra)];
  return `${selector} {\n${entries.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}\n`;
}

/**
 * Both themes as one stylesheet, served as `virtual:tokens.css` (astro.config.mjs) and imported
 * first by every page: light by default, dark under `<html data-theme="dark">`, and under
 * `data-theme="auto"` whenever the reader's system is set to dark. `color-scheme` follows, so
 * form controls and scrollbars match.
 */
export function themeStylesheet(): string {
  const light = { 'color-scheme': 'light' };
  const dark = { 'color-scheme': 'dark' };
  return [
    cssTokens(LIGHT, ':root', light),
    cssTokens(DARK, ':root[data-theme="dark"]', dark),
    `@media ${DARK_QUERY} {\n${cssTokens(DARK, ':root[data-theme="auto"]', dark)}}\n`,
  ].join('');
}
