import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { heightMessages, pymMessage } from '../../src/lib/embed/sizing.ts';
import { themeMessage } from '../../src/lib/embed/theme.ts';

const LOADER = 'public/embed/loader.js';
const source = readFileSync(LOADER, 'utf8');

interface FakeFrame {
  attributes: Record<string, string>;
  style: Record<string, string>;
  contentWindow: { posted: unknown[]; postMessage(m: unknown, origin: string): void };
  clientWidth: number;
  listeners: Record<string, (() => void)[]>;
}

function frame(src: string, width = 600): FakeFrame {
  const posted: unknown[] = [];
  return {
    attributes: { src, 'data-idlib-embed': '' },
    style: {},
    contentWindow: { posted, postMessage: (m: unknown) => void posted.push(m) },
    clientWidth: width,
    listeners: {},
  };
}

interface HostPage {
  /** The iframes' computed `color-scheme` (inherited from the page). */
  colorScheme?: string;
  /** The page's <meta name="color-scheme"> content. */
  meta?: string;
  /** The system's `prefers-color-scheme: dark`. */
  systemDark?: boolean;
}

/**
 * The loader in a stand-in host page with `frames` on it, in `page`'s colour scheme. Document's
 * methods live on its prototype, as in a browser, so `clobber` can shadow them with own
 * properties the way named elements do (`<img name="querySelectorAll">` makes
 * `document.querySelectorAll` that element).
 */
function host(
  frames: FakeFrame[],
  page: HostPage = {},
  clobber?: (window: Record<PropertyKey, unknown>, document: Record<string, unknown>) => void,
) {
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const elements = frames.map((f) => ({
    ...f,
    get contentWindow() {
      return f.contentWindow;
    },
    get clientWidth() {
      return f.clientWidth;
    },
    style: f.style,
    getAttribute: (name: string) => f.attributes[name] ?? null,
    setAttribute: (name: string, value: string) => void (f.attributes[name] = value),
    hasAttribute: (name: string) => name in f.attributes,
    addEventListener: (type: string, cb: () => void) => (f.listeners[type] ??= []).push(cb),
  }));
  const system: { matches: boolean; changed?: () => void } = { matches: !!page.systemDark };
  const window: Record<PropertyKey, unknown> = {
    addEventListener: (type: string, f: (event: unknown) => void) => (listeners[type] ??= []).push(f),
    getComputedStyle: () => ({ getPropertyValue: (name: string) => (name === 'color-scheme' ? (page.colorScheme ?? 'normal') : '') }),
    matchMedia: () => Object.assign(system, { addEventListener: (_type: string, f: () => void) => (system.changed = f) }),
  };
  class Document {
    get readyState() {
      return 'complete';
    }
    querySelectorAll(selector: string) {
      return selector === 'iframe[data-idlib-embed]' ? elements : [];
    }
    querySelector(selector: string) {
      return selector === 'meta[name="color-scheme"]' && page.meta !== undefined ? { getAttribute: () => page.meta } : null;
    }
    addEventListener() {}
  }
  const document = new Document() as unknown as Record<string, unknown>;
  clobber?.(window, document);
  const run = () => runInNewContext(source, { window, document, Document, WeakMap });
  run();
  const message = (data: unknown, source: unknown) => listeners.message?.forEach((f) => f({ data, source }));
  return { window, run, message, listeners, system };
}

/** A host-page element, as a named property would return it. */
const element = () => ({ tagName: 'DIV', id: 'x' });

describe('the embed loader (public/embed/loader.js)', () => {
  it('is small, plain and self-contained', () => {
    expect(statSync(LOADER).size).toBeLessThan(7 * 1024);
    expect(gzipSync(source).length).toBeLessThan(3 * 1024);
    expect(source).not.toMatch(/\bimport\b|\brequire\(|https?:\/\/(?!www\.w3)/);
  });

  it('sizes each frame from its own pym or AMP messages', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const b = frame('https://site.example/embed/nairab/?childId=pym-1');
    const page = host([a, b]);
    page.message(heightMessages('', 812.3)[0], a.contentWindow);
    page.message(heightMessages('pym-1', 1400)[1], b.contentWindow);
    expect(a.style.height).toBe('813px');
    expect(a.attributes.height).toBe('813');
    expect(b.style.height).toBe('1400px');
    expect(a.attributes.scrolling).toBe('no');
    expect(a.style.overflow).toBe('hidden');
  });

  it('ignores messages from any other window, and anything that is not a height', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const page = host([a]);
    const stranger = { postMessage() {} };
    page.message(pymMessage('', 'height', 5), stranger);
    page.message(pymMessage('', 'height', 5), null);
    page.message(pymMessage('', 'height', 5), page.window);
    page.message({ sentinel: 'amp', type: 'embed-size', height: 9 }, stranger);
    page.message(pymMessage('', 'navigateTo', 'https://evil.example/'), a.contentWindow);
    page.message('pymxPYMxxPYMxheightxPYMxlots', a.contentWindow);
    page.message(pymMessage('', 'height', -1), a.contentWindow);
    page.message(pymMessage('', 'height', 1e9), a.contentWindow);
    expect(a.style.height).toBeUndefined();
  });

  it('asks each frame for its height when it starts and when a frame loads', () => {
    const a = frame('https://site.example/embed/saraqeb/?childId=pym-7', 320);
    host([a]);
    const asks = () => a.contentWindow.posted.filter((m) => typeof m === 'string');
    expect(asks()).toEqual(['pymxPYMxpym-7xPYMxwidthxPYMx320']);
    a.listeners.load!.forEach((f) => f());
    expect(asks()).toHaveLength(2);
  });

  const themes = (f: FakeFrame) => f.contentWindow.posted.filter((m) => typeof m === 'object').map((m) => (m as { theme: string }).theme);

  it("tells each frame the page's theme with every ask, in the embed's message format", () => {
    const a = frame('https://site.example/embed/saraqeb/');
    host([a]);
    expect(a.contentWindow.posted[0]).toEqual({ sentinel: 'idlib-embed', type: 'theme', theme: 'light' });
    expect(themeMessage(a.contentWindow.posted[0])).toBe('light');
  });

  it.each([
    [{}, 'light'],
    [{ colorScheme: 'dark' }, 'dark'],
    [{ colorScheme: 'only dark' }, 'dark'],
    [{ colorScheme: 'light' }, 'light'],
    [{ colorScheme: 'light dark', systemDark: false }, 'light'],
    [{ colorScheme: 'light dark', systemDark: true }, 'dark'],
    [{ meta: 'dark' }, 'dark'],
    [{ meta: 'dark light', systemDark: true }, 'dark'],
    [{ colorScheme: 'light', meta: 'dark' }, 'light'],
    [{ systemDark: true }, 'light'],
  ] as [HostPage, string][])('reads the page %j as %s', (page, theme) => {
    const a = frame('https://site.example/embed/saraqeb/');
    host([a], page);
    expect(themes(a)).toEqual([theme]);
  });

  it('tells the frames again when the system setting changes', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const page = host([a], { colorScheme: 'light dark' });
    page.system.matches = true;
    page.system.changed!();
    expect(themes(a)).toEqual(['light', 'dark']);
  });

  it('runs once however many times the page includes it', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const page = host([a]);
    page.run();
    page.run();
    expect(page.listeners.message).toHaveLength(1);
    expect(a.listeners.load).toHaveLength(1);
  });

  it('ignores heights that are not a sane positive number', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const page = host([a]);
    page.message(pymMessage('', 'height', 640), a.contentWindow);
    expect(a.style.height).toBe('640px');
    const junk = ['', ' ', '0', '-5', '500px', '50%', ' 500 ', '1e3', '0x1F4', 'Infinity', 'NaN', 'null', '[]'];
    for (const height of junk) page.message(pymMessage('', 'height', height), a.contentWindow);
    for (const height of [null, undefined, [], [500], {}, true, '', '500px', ' 500 ', '1e3', 0, -5, NaN, Infinity, 1e9]) {
      page.message({ sentinel: 'amp', type: 'embed-size', height }, a.contentWindow);
    }
    expect(a.style.height).toBe('640px');
    expect(a.attributes.height).toBe('640');
    // Numbers and plain decimal strings still work after all that.
    page.message({ sentinel: 'amp', type: 'embed-size', height: 700.2 }, a.contentWindow);
    expect(a.style.height).toBe('701px');
    page.message(pymMessage('', 'height', '720.5'), a.contentWindow);
    expect(a.style.height).toBe('721px');
  });

  it('is not disabled or changed by an element with id="idlibEmbedLoader" on the host page', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const page = host([a], {}, (window) => {
      window.idlibEmbedLoader = element();
    });
    page.run();
    expect(page.listeners.message).toHaveLength(1);
    page.message(pymMessage('', 'height', 640), a.contentWindow);
    expect(a.style.height).toBe('640px');
    expect(page.window.idlibEmbedLoader).toEqual(element());
  });

  it("works when named elements shadow document's own methods", () => {
    const a = frame('https://site.example/embed/saraqeb/', 320);
    host([a], {}, (_window, document) => {
      for (const name of ['querySelectorAll', 'querySelector', 'getElementsByTagName', 'readyState', 'addEventListener']) {
        Object.defineProperty(document, name, { value: element() });
      }
    });
    // The width request (the theme message goes first, an object).
    expect(a.contentWindow.posted.filter((m: unknown) => typeof m === 'string')).toEqual(['pymxPYMxxPYMxwidthxPYMx320']);
    expect(a.attributes.scrolling).toBe('no');
  });

  it('leaves no string-named global for a host page to trip over', () => {
    const page = host([frame('https://site.example/embed/saraqeb/')]);
    // The stand-in window's own three, and nothing the loader added.
    expect(Object.keys(page.window)).toEqual(['addEventListener', 'getComputedStyle', 'matchMedia']);
  });
});
