import { applyTheme, DARK_QUERY, themeFromUrl, usedTheme, type Theme, type UsedTheme } from '../cartography/theme.ts';

/**
 * An embed's theme. The address decides (`?theme=light|dark|auto`); where it asks for none, or
 * for `auto`, the host page decides when the project's loader is on it: `loader.js` tells each
 * frame whether the page around it is light or dark (from the page's CSS `color-scheme` or its
 * `<meta name="color-scheme">`), on start and whenever that changes. Without a word from the
 * host, `auto` follows the reader's system setting and no theme is light.
 */

/** The loader's message: `{ sentinel: 'idlib-embed', type: 'theme', theme: 'light' | 'dark' }`. */
export const THEME_MESSAGE = { sentinel: 'idlib-embed', type: 'theme' } as const;

/** The host's theme from a message, or undefined for any other message. */
export function themeMessage(data: unknown): UsedTheme | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { sentinel, type, theme } = data as Record<string, unknown>;
  if (sentinel !== THEME_MESSAGE.sentinel || type !== THEME_MESSAGE.type) return undefined;
  return theme === 'light' || theme === 'dark' ? theme : undefined;
}

/** The theme an embed shows: the address's `light` or `dark` stands; otherwise the host's, when it said. */
export const effectiveTheme = (requested: Theme | undefined, host: UsedTheme | undefined): Theme | undefined =>
  requested === 'light' || requested === 'dark' ? requested : (host ?? requested);

export interface EmbedTheme {
  /** Light or dark, now. */
  used(): UsedTheme;
  /** Calls back whenever `used()` changes; returns a stop function. */
  subscribe(changed: (theme: UsedTheme) => void): () => void;
}

/**
 * Follows an embed page's theme: writes it on <html data-theme> (the page's colours and stills
 * follow by CSS) and tells subscribers (the live map) when it changes: the host's word arrives
 * or changes, or the system's setting changes under `auto`.
 */
export function followTheme(win: Window = window): EmbedTheme {
  const requested = themeFromUrl(win.location.search);
  const system = win.matchMedia(DARK_QUERY);
  let host: UsedTheme | undefined;
  const listeners = new Set<(theme: UsedTheme) => void>();
  const used = () => usedTheme(effectiveTheme(requested, host), system.matches);
  let last = used();
  const update = () => {
    applyTheme(effectiveTheme(requested, host), win.document.documentElement);
    const now = used();
    if (now === last) return;
    last = now;
    for (const listener of listeners) listener(now);
  };
  system.addEventListener('change', update);
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win.parent || win.parent === win) return;
    const theme = themeMessage(event.data);
    if (!theme || theme === host) return;
    host = theme;
    update();
  });
  return {
    used: () => last,
    subscribe(changed) {
      listeners.add(changed);
      return () => listeners.delete(changed);
    },
  };
}
