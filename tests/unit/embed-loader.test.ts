import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { heightMessages, pymMessage } from '../../src/lib/embed/sizing.ts';

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

/** The loader in a stand-in host page with `frames` (and anything else) on it. */
function host(frames: FakeFrame[]) {
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
  const window: Record<string, unknown> = {
    addEventListener: (type: string, f: (event: unknown) => void) => (listeners[type] ??= []).push(f),
  };
  const document = {
    readyState: 'complete',
    querySelectorAll: (selector: string) => (selector === 'iframe[data-idlib-embed]' ? elements : []),
    addEventListener() {},
  };
  const run = () => runInNewContext(source, { window, document, WeakMap });
  run();
  const message = (data: unknown, source: unknown) => listeners.message?.forEach((f) => f({ data, source }));
  return { window, run, message, listeners };
}

describe('the embed loader (public/embed/loader.js)', () => {
  it('is small, plain and self-contained', () => {
    expect(statSync(LOADER).size).toBeLessThan(6 * 1024);
    expect(gzipSync(source).length).toBeLessThan(2 * 1024);
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
    expect(a.contentWindow.posted).toEqual(['pymxPYMxpym-7xPYMxwidthxPYMx320']);
    a.listeners.load!.forEach((f) => f());
    expect(a.contentWindow.posted).toHaveLength(2);
  });

  it('runs once however many times the page includes it', () => {
    const a = frame('https://site.example/embed/saraqeb/');
    const page = host([a]);
    page.run();
    page.run();
    expect(page.listeners.message).toHaveLength(1);
    expect(a.listeners.load).toHaveLength(1);
  });
});
