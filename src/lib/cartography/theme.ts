import { DARK, LIGHT, type Palette } from './palette.ts';

/**
 * Themes: `?theme=light|dark|auto` on the story and on every embed. `auto` follows the reader's
 * system setting (`prefers-color-scheme`). The requested theme is written on `<html data-theme>`
 * before first paint by `DISPLAY_SCRIPT` (inline in the head), so the page's colours
 * (`tokens.ts`) are right from the first frame. The map's colours come from the same address:
 * `paletteFor(usedTheme(themeFromUrl(location.search), matchMedia(DARK_QUERY).matches))`.
 */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
/** What a page draws with once `auto` is resolved. */
export type UsedTheme = Exclude<Theme, 'auto'>;

export const DARK_QUERY = '(prefers-color-scheme: dark)';

const isTheme = (value: unknown): value is Theme => typeof value === 'string' && (THEMES as readonly string[]).includes(value);

/** The theme a page's address asks for (`?theme=dark`), or undefined when it asks for none or an unknown one. */
export function themeFromUrl(search: string): Theme | undefined {
  const value = new URLSearchParams(search).get('theme');
  return isTheme(value) ? value : undefined;
}

/** Writes a theme on the page: its CSS custom properties switch at once (`tokens.ts`). */
export function applyTheme(theme: Theme | undefined, root: HTMLElement = document.documentElement) {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

/** Light or dark: `auto` as the system says; no theme at all is light. */
export const usedTheme = (theme: Theme | undefined, prefersDark: boolean): UsedTheme => (theme === 'auto' ? (prefersDark ? 'dark' : 'light') : (theme ?? 'light'));

/** The map's colours for a theme: what `startLiveMap({ colours })`, `renderSvg` and the cards take. */
export const paletteFor = (theme: UsedTheme): Palette => (theme === 'dark' ? DARK : LIGHT);

/**
 * Inline in every page's <head>, before anything paints: copies the address's display
 * parameters onto <html> (`?theme=` → `data-theme`, `?view=` → `data-view`, for embeds), so
 * the first paint already has the right colours and layout. Plain ES5 with no imports: it is
 * inlined as it stands and astro.config.mjs adds its hash to the Content-Security-Policy. Values
 * it does not know are ignored, exactly as `themeFromUrl`/`embedOptions` ignore them (`theme.test.ts`).
 */
export const DISPLAY_SCRIPT =
  "(function(){var q=location.search,h=document.documentElement,k={theme:/^(light|dark|auto)$/,view:/^(full|map|still)$/},n,m,v;" +
  "for(n in k){m=new RegExp('[?&]'+n+'=([^&]*)').exec(q);try{v=m&&decodeURIComponent(m[1].replace(/[+]/g,' '))}catch(e){v=''}" +
  "if(v&&k[n].test(v))h.setAttribute('data-'+n,v)}})();";
