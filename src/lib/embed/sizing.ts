/**
 * How an embedded section tells the page around it how tall it is, so the host can size its
 * iframe exactly: no inner scrollbar, no gap. Two message formats, both sent every time:
 *
 * - pym.js (NPR's library, spoken by many newsroom CMSs): the string
 *   `pymxPYMx<id>xPYMxheightxPYMx<height>`, where `<id>` is the `childId` query parameter that
 *   `pym.Parent` adds to the iframe's URL. A host that runs pym's parent script needs nothing else.
 * - AMP (`<amp-iframe resizable>`): the object `{ sentinel: 'amp', type: 'embed-size', height }`.
 *
 * The project's own loader (`public/embed/loader.js`) reads the pym string from the iframes it
 * knows, whatever their id. Heights are whole CSS pixels, rounded up, as pym's parent parses them.
 */

export const PYM_DELIMITER = 'xPYMx';

export interface PymMessage {
  id: string;
  type: string;
  message: string;
}

/** A pym.js message, exactly as pym's `_makeMessage` joins it. */
export function pymMessage(id: string, type: string, message: string | number): string {
  return ['pym', id, type, String(message)].join(PYM_DELIMITER);
}

/**
 * Reads a pym.js message (any id), or `undefined` for anything else. Like pym's own
 * `^pymxPYMx<id>xPYMx(\S+)xPYMx(.*)$`: the type has no spaces, the message is the rest.
 */
export function parsePymMessage(data: unknown): PymMessage | undefined {
  if (typeof data !== 'string') return undefined;
  const parts = data.split(PYM_DELIMITER);
  if (parts.length < 4 || parts[0] !== 'pym') return undefined;
  const [, id, type, ...rest] = parts as [string, string, string, ...string[]];
  if (!/^\S+$/.test(type)) return undefined;
  return { id, type, message: rest.join(PYM_DELIMITER) };
}

export interface AmpEmbedSize {
  sentinel: 'amp';
  type: 'embed-size';
  height: number;
}

/** AMP's resize request, as `amp-iframe` reads it. */
export const ampEmbedSize = (height: number): AmpEmbedSize => ({ sentinel: 'amp', type: 'embed-size', height });

/** The id pym's parent gave this frame: the `childId` query parameter, or `''` when there is none. */
export function childIdFrom(search: string): string {
  return new URLSearchParams(search).get('childId') ?? '';
}

/** A height in CSS pixels as the messages carry it: whole pixels, rounded up, never negative. */
export const wholePixels = (height: number) => Math.max(0, Math.ceil(height - 0.01));

/** The messages that report `height` to the host, in the order they are posted. */
export function heightMessages(id: string, height: number): [string, AmpEmbedSize] {
  const h = wholePixels(height);
  return [pymMessage(id, 'height', h), ampEmbedSize(h)];
}

/** What `startSizing` needs from the page: injected, so the logic runs in unit tests without a DOM. */
export interface SizingEnvironment {
  /** Posts a message to the host window. */
  post(message: unknown): void;
  /** The content's height in CSS pixels. */
  measure(): number;
  /** Calls back whenever the content's size may have changed (a ResizeObserver); returns a stop function. */
  observe(changed: () => void): () => void;
  /** Calls back with each message the host window sends; returns a stop function. */
  listen(received: (data: unknown) => void): () => void;
  /** The page's viewport width, to tell whether a new frame width has reached it yet. */
  viewportWidth?(): number;
  /** setTimeout. */
  later?(callback: () => void, ms: number): void;
}

/** How often, and how many times, to look again for a frame width the host announced. */
export const WIDTH_RETRY = { ms: 50, times: 20 } as const;

export interface Sizing {
  /** Sends the height now: when it changed, or always with `force`. Returns the height sent, or undefined. */
  send(force?: boolean): number | undefined;
  stop(): void;
}

/**
 * Reports the content height to the host at once, again whenever it changes, and whenever the
 * host asks: a pym `width` message for this id (pym's parent sends one when its window
 * resizes; the project's loader sends one when it starts, in case it missed the first report).
 */
export function startSizing(id: string, env: SizingEnvironment): Sizing {
  let last: number | undefined;
  const send = (force = false) => {
    const height = wholePixels(env.measure());
    if (!force && height === last) return undefined;
    last = height;
    for (const message of heightMessages(id, height)) env.post(message);
    return height;
  };
  const stopObserving = env.observe(() => send());
  // The host's `width` message can arrive before the frame has its new size: measure now, and
  // again until the viewport has the announced width (layout observers may be paused in a
  // cross-origin frame off screen, so they cannot be relied on for this).
  let pending = 0;
  const settle = (width: number, round: number, tries: number) => {
    if (round !== pending) return;
    send(tries === 0);
    if (!env.viewportWidth || !env.later || !Number.isFinite(width) || tries >= WIDTH_RETRY.times) return;
    if (Math.abs(env.viewportWidth() - width) > 1) env.later(() => settle(width, round, tries + 1), WIDTH_RETRY.ms);
  };
  const stopListening = env.listen((data) => {
    const message = parsePymMessage(data);
    if (message && message.id === id && message.type === 'width') settle(Number.parseFloat(message.message), ++pending, 0);
  });
  send(true);
  return {
    send,
    stop() {
      stopObserving();
      stopListening();
    },
  };
}

/** The height of the page's content: the root element's box, which excludes the viewport's own height. */
export function documentHeight(doc: Document): number {
  return doc.documentElement.getBoundingClientRect().height;
}

/**
 * Starts reporting this page's height to its host, if it is framed at all. Uses a
 * ResizeObserver on the root element and the body (no polling), and only the host window's
 * messages.
 */
export function sizeToHost(win: Window = window): Sizing | undefined {
  if (win.parent === win) return undefined;
  const doc = win.document;
  return startSizing(childIdFrom(win.location.search), {
    post: (message) => win.parent.postMessage(message, '*'),
    measure: () => documentHeight(doc),
    observe(changed) {
      const observer = new ResizeObserver(changed);
      observer.observe(doc.documentElement);
      observer.observe(doc.body);
      // Web fonts can change text metrics after the first layout without any element
      // resizing first; ResizeObserver sees the result, this only makes sure of it.
      doc.fonts?.ready.then(changed, () => {});
      win.addEventListener('load', changed);
      return () => {
        observer.disconnect();
        win.removeEventListener('load', changed);
      };
    },
    listen(received) {
      const onMessage = (event: MessageEvent) => {
        if (event.source === win.parent) received(event.data);
      };
      win.addEventListener('message', onMessage);
      return () => win.removeEventListener('message', onMessage);
    },
    viewportWidth: () => doc.documentElement.clientWidth,
    later: (callback, ms) => void win.setTimeout(callback, ms),
  });
}
