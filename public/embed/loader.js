/*! Embed loader for "The fight for the M-5" (Idlib explainer). No dependencies.
 * Sizes every <iframe data-idlib-embed> on the page to the height of its content, from the
 * messages the embedded page sends (pym.js's `pymxPYMx<id>xPYMxheightxPYMx<px>` string, or
 * AMP's {sentinel: 'amp', type: 'embed-size', height}). It trusts a message only when it comes
 * from one of those iframes' own windows (event.source), never from anything else on the page.
 * Safe to include once per embed: a second copy only looks for new iframes.
 * It tells each frame whether the page is light or dark; a frame asking for no theme, or
 * `auto`, takes the page's (src/lib/embed/theme.ts).
 */
(function () {
  'use strict';
  var SELECTOR = 'iframe[data-idlib-embed]';
  var DELIMITER = 'xPYMx';
  var MAX_HEIGHT = 100000;

  if (window.idlibEmbedLoader) {
    window.idlibEmbedLoader.scan();
    return;
  }

  /** The height a message reports, or NaN when it is not a height message. */
  function heightFrom(data) {
    if (typeof data === 'string') {
      var parts = data.split(DELIMITER);
      if (parts.length >= 4 && parts[0] === 'pym' && parts[2] === 'height') return Number(parts.slice(3).join(DELIMITER));
      return NaN;
    }
    if (data && typeof data === 'object' && data.sentinel === 'amp' && data.type === 'embed-size') return Number(data.height);
    return NaN;
  }

  /** pym.Parent's id for the frame, if its URL has one; '' otherwise (the embed then uses '' too). */
  function childId(iframe) {
    var match = /[?&]childId=([^&#]*)/.exec(iframe.getAttribute('src') || '');
    if (!match) return '';
    try {
      return decodeURIComponent(match[1].replace(/\+/g, ' '));
    } catch (e) {
      return '';
    }
  }

  function resize(iframe, height) {
    if (!(height >= 0 && height <= MAX_HEIGHT)) return;
    var px = Math.ceil(height);
    if (iframe.style.height !== px + 'px') iframe.style.height = px + 'px';
    if (iframe.getAttribute('height') !== String(px)) iframe.setAttribute('height', String(px));
  }

  var DARK = '(prefers-color-scheme: dark)';

  // The page's scheme where the frame sits: `color-scheme` is inherited by the iframe, else
  // <meta name="color-scheme">; a page offering both follows the system, as its colours do.
  function hostTheme(iframe) {
    var scheme = (window.getComputedStyle && window.getComputedStyle(iframe).getPropertyValue('color-scheme')) || '';
    var meta = document.querySelector && document.querySelector('meta[name="color-scheme"]');
    if (!/light|dark/.test(scheme) && meta) scheme = meta.getAttribute('content') || '';
    if (!/dark/.test(scheme)) return 'light';
    return !/light/.test(scheme) || (window.matchMedia && window.matchMedia(DARK).matches) ? 'dark' : 'light';
  }

  function tellTheme(iframe) {
    if (iframe.contentWindow) iframe.contentWindow.postMessage({ sentinel: 'idlib-embed', type: 'theme', theme: hostTheme(iframe) }, '*');
  }

  // Again whenever the system's setting, or the page's own switch (a class, style or attribute
  // on <html> or <body>, or its meta), may have changed it.
  function retell() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) tellTheme(frames[i]);
  }
  var system = window.matchMedia && window.matchMedia(DARK);
  if (system && system.addEventListener) system.addEventListener('change', retell);
  if (typeof MutationObserver === 'function') {
    var watch = new MutationObserver(retell);
    var observe = function () {
      watch.observe(document.documentElement, { attributes: true });
      if (document.head) watch.observe(document.head, { attributes: true, childList: true, subtree: true });
      if (document.body) watch.observe(document.body, { attributes: true });
    };
    if (document.body) observe();
    else document.addEventListener('DOMContentLoaded', observe);
  }

  /** Asks the embed for its height, as pym's parent does: a `width` message (the frame's inner width). */
  function ask(iframe) {
    var target = iframe.contentWindow;
    if (!target) return;
    tellTheme(iframe);
    target.postMessage(['pym', childId(iframe), 'width', String(iframe.clientWidth)].join(DELIMITER), '*');
  }

  // When a frame's width changes, ask again: a browser may not run layout observers inside a
  // cross-origin frame that is off screen, so the embed might not notice on its own until seen.
  var widths = typeof WeakMap === 'function' ? new WeakMap() : null;
  var resized =
    typeof ResizeObserver === 'function' && widths
      ? new ResizeObserver(function (entries) {
          for (var i = 0; i < entries.length; i++) {
            var iframe = entries[i].target;
            if (widths.get(iframe) === iframe.clientWidth) continue;
            widths.set(iframe, iframe.clientWidth);
            ask(iframe);
          }
        })
      : null;

  function prepare(iframe) {
    if (iframe.hasAttribute('data-idlib-embed-sized')) return;
    iframe.setAttribute('data-idlib-embed-sized', '');
    // The height is exact: the frame never needs a scrollbar of its own.
    iframe.setAttribute('scrolling', 'no');
    iframe.style.overflow = 'hidden';
    iframe.addEventListener('load', function () {
      ask(iframe);
    });
    if (resized) {
      widths.set(iframe, iframe.clientWidth);
      resized.observe(iframe);
    }
    // The embed may have reported its height before this script ran: ask again.
    ask(iframe);
  }

  function scan() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) prepare(frames[i]);
  }

  window.addEventListener('message', function (event) {
    if (!event.source) return;
    var height = heightFrom(event.data);
    if (isNaN(height)) return;
    // Looked up on every message, so iframes added after this script ran are sized too.
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        prepare(frames[i]);
        resize(frames[i], height);
        return;
      }
    }
  });

  window.idlibEmbedLoader = { scan: scan, version: 1 };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  scan();
})();
