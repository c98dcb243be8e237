import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  PYM_DELIMITER,
  WIDTH_RETRY,
  ampEmbedSize,
  childIdFrom,
  heightMessages,
  parsePymMessage,
  pymMessage,
  startSizing,
  wholePixels,
  type SizingEnvironment,
} from './sizing.ts';

/**
 * pym.js's own parent (node_modules/pym.js), run against a stand-in DOM: what it does with the
 * messages our embeds send is the real test of the format.
 */
function pymParent(id: string) {
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const attributes: Record<string, string> = {};
  const iframe = {
    src: '',
    contentWindow: {},
    setAttribute: (name: string, value: string) => void (attributes[name] = value),
  };
  const el = { offsetWidth: 600, firstChild: null, appendChild() {}, removeChild() {}, getElementsByTagName: () => [iframe] };
  const module = { exports: {} as { Parent: new (id: string, url: string, config: object) => unknown } };
  const window = {
    addEventListener: (type: string, f: (event: unknown) => void) => (listeners[type] ??= []).push(f),
    location: { href: 'https://host.example/page' },
  };
  const context = { module, window };
  runInNewContext(readFileSync('node_modules/pym.js/dist/pym.v1.js', 'utf8'), context);
  Object.assign(context, { document: { getElementById: () => el, createElement: () => iframe, title: 'Host' } });
  new module.exports.Parent(id, 'https://embed.example/embed/saraqeb/', {});
  const receive = (data: unknown) => listeners.message!.forEach((f) => f({ data, origin: 'https://embed.example', source: iframe.contentWindow }));
  return { iframe, attributes, receive };
}

describe('pym.js message format', () => {
  it('joins type and message the way pym does', () => {
    expect(PYM_DELIMITER).toBe('xPYMx');
    expect(pymMessage('pym-0-abc', 'height', 640)).toBe('pymxPYMxpym-0-abcxPYMxheightxPYMx640');
    expect(pymMessage('', 'width', '320')).toBe('pymxPYMxxPYMxwidthxPYMx320');
  });

  it('reads pym messages, whatever the id, and nothing else', () => {
    expect(parsePymMessage('pymxPYMxpym-1xPYMxwidthxPYMx600')).toEqual({ id: 'pym-1', type: 'width', message: '600' });
    expect(parsePymMessage('pymxPYMxxPYMxheightxPYMx12')).toEqual({ id: '', type: 'height', message: '12' });
    expect(parsePymMessage('pymxPYMxidxPYMxnavigateToxPYMxhttps://x/?axPYMxb')).toEqual({ id: 'id', type: 'navigateTo', message: 'https://x/?axPYMxb' });
    for (const junk of ['hello', 'pymxPYMxid', 'xpymxPYMxidxPYMxheightxPYMx1', 'pymxPYMxidxPYMxa bxPYMx1', 42, null, { sentinel: 'amp' }]) {
      expect(parsePymMessage(junk)).toBeUndefined();
    }
  });

  it("is understood by pym.js's own parent, which sizes its iframe", () => {
    const parent = pymParent('pym-0-xyz');
    expect(parent.iframe.src).toContain('childId=pym-0-xyz');
    expect(parent.iframe.src).toContain('initialWidth=600');
    expect(childIdFrom(new URL(parent.iframe.src).search)).toBe('pym-0-xyz');
    const [pym, amp] = heightMessages(childIdFrom(new URL(parent.iframe.src).search), 1234.2);
    parent.receive(amp); // objects are ignored by pym
    expect(parent.attributes.height).toBeUndefined();
    parent.receive(pym);
    expect(parent.attributes.height).toBe('1235px');
    // Another child's id is not this parent's business.
    parent.receive(pymMessage('pym-1-other', 'height', 99));
    expect(parent.attributes.height).toBe('1235px');
  });
});

describe('AMP embed-size format', () => {
  it("is amp-iframe's resize request", () => {
    expect(ampEmbedSize(480)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 480 });
    expect(heightMessages('x', 479.5)[1]).toEqual({ sentinel: 'amp', type: 'embed-size', height: 480 });
  });
});

describe('childIdFrom and wholePixels', () => {
  it('reads the id pym gave the frame, or none', () => {
    expect(childIdFrom('?initialWidth=600&childId=pym-3-a1b2c&parentTitle=Host')).toBe('pym-3-a1b2c');
    expect(childIdFrom('?childId=has+space')).toBe('has space');
    expect(childIdFrom('')).toBe('');
  });
  it('rounds heights up to whole pixels, ignoring float noise', () => {
    expect(wholePixels(300)).toBe(300);
    expect(wholePixels(300.000001)).toBe(300);
    expect(wholePixels(300.2)).toBe(301);
    expect(wholePixels(-5)).toBe(0);
  });
});

/** A stand-in page: its height, its host's messages, its observer, its timers. */
function fakePage(initialHeight: number) {
  const posted: unknown[] = [];
  const timers: (() => void)[] = [];
  const state = { height: initialHeight, width: 600 };
  let changed = () => {};
  let received: (data: unknown) => void = () => {};
  const env: SizingEnvironment = {
    post: (m) => posted.push(m),
    measure: () => state.height,
    observe: (f) => ((changed = f), () => (changed = () => {})),
    listen: (f) => ((received = f), () => (received = () => {})),
    viewportWidth: () => state.width,
    later: (f) => void timers.push(f),
  };
  return { env, posted, state, timers, resize: () => changed(), host: (data: unknown) => received(data) };
}

describe('startSizing', () => {
  it('reports at once in both formats, then only when the height changes', () => {
    const page = fakePage(812.4);
    startSizing('pym-0-a', page.env);
    expect(page.posted).toEqual(['pymxPYMxpym-0-axPYMxheightxPYMx813', { sentinel: 'amp', type: 'embed-size', height: 813 }]);
    page.resize();
    expect(page.posted).toHaveLength(2);
    page.state.height = 1400;
    page.resize();
    expect(page.posted.slice(2)).toEqual(['pymxPYMxpym-0-axPYMxheightxPYMx1400', { sentinel: 'amp', type: 'embed-size', height: 1400 }]);
  });

  it("answers the host's width message for its own id, and no other", () => {
    const page = fakePage(500);
    startSizing('', page.env);
    page.posted.length = 0;
    page.host(pymMessage('someone-else', 'width', 600));
    page.host('not pym');
    expect(page.posted).toEqual([]);
    page.host(pymMessage('', 'width', 600));
    expect(page.posted).toEqual(['pymxPYMxxPYMxheightxPYMx500', { sentinel: 'amp', type: 'embed-size', height: 500 }]);
  });

  it('looks again until the frame has the width the host announced', () => {
    const page = fakePage(900);
    startSizing('id', page.env);
    page.posted.length = 0;
    page.host(pymMessage('id', 'width', 320)); // the frame is still 600 wide
    expect(page.posted).toHaveLength(2);
    expect(page.timers).toHaveLength(1);
    page.state.width = 320;
    page.state.height = 1500;
    page.timers.shift()!();
    expect(page.posted.slice(2)).toEqual(['pymxPYMxidxPYMxheightxPYMx1500', { sentinel: 'amp', type: 'embed-size', height: 1500 }]);
    expect(page.timers).toHaveLength(0);
  });

  it('gives up looking after a while, and a newer width message takes over', () => {
    const page = fakePage(900);
    startSizing('id', page.env);
    page.host(pymMessage('id', 'width', 100));
    for (let i = 0; i < WIDTH_RETRY.times + 5 && page.timers.length; i++) page.timers.shift()!();
    expect(page.timers).toHaveLength(0);
    page.host(pymMessage('id', 'width', 200));
    page.host(pymMessage('id', 'width', 600));
    // The first round's timer runs but stops: only the latest round goes on.
    page.timers.shift()!();
    expect(page.timers).toHaveLength(0);
  });

  it('stops listening and observing', () => {
    const page = fakePage(300);
    const sizing = startSizing('id', page.env);
    sizing.stop();
    page.state.height = 400;
    page.resize();
    page.host(pymMessage('id', 'width', 600));
    expect(page.posted).toHaveLength(2);
  });
});
