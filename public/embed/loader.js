/*! Embed loader for "The fight for the M-5" (Idlib explainer). No dependencies.
 * Sizes each <iframe data-idlib-embed> to its content from the height messages its own window
 * sends (pym.js `pymxPYMx<id>xPYMxheightxPYMx<px>`, or AMP {sentinel: 'amp', type: 'embed-size',
 * height}); messages from any other window are ignored. A second copy only looks for new iframes.
 * Host-page ids and names can shadow globals (`window.x`) and document's methods
 * (`<img name="querySelectorAll">`): the state lives in this closure, the first copy is found
 * under a Symbol, and document's methods are borrowed from its prototype.
 * It tells each frame whether the page is light or dark; a frame asking for no theme, or
 * `auto`, takes the page's (src/lib/embed/theme.ts).
 */
(function () {
  'use strict';
  var SELECTOR = 'iframe[data-idlib-embed]';
  var DELIMITER = 'xPYMx';
  // Digits only: Number() would also take '', ' 9 ', '0x9' and '1e9'.
  var PIXELS = /^\d{1,6}(\.\d+)?$/;
  var MAX_HEIGHT = 100000;
  var KEY = typeof Symbol === 'function' ? Symbol['for']('idlib.embedLoader') : null;
  var querySelectorAll = Document.prototype.querySelectorAll;
  var querySelector = Document.prototype.querySelector;

  if (KEY && window[KEY]) {
    window[KEY].scan();
    return;
  }

  /** A height worth applying, in whole pixels, or 0 (for null, [], '12px', -5, 1e9…). */
  function sane(value) {
    var height = typeof value === 'number' ? value : typeof value === 'string' && PIXELS.test(value) ? Number(value) : NaN;
    return height > 0 && height <= MAX_HEIGHT ? Math.ceil(height) : 0;
  }

  /** The height a message reports, or 0 when it is not a usable height message. */
  function heightFrom(data) {
    if (typeof data === 'string') {
      var parts = data.split(DELIMITER);
      if (parts.length >= 4 && parts[0] === 'pym' && parts[2] === 'height') return sane(parts.slice(3).join(DELIMITER));
      return 0;
    }
    if (data && typeof data === 'object' && data.sentinel === 'amp' && data.type === 'embed-size') return sane(data.height);
    return 0;
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

  function resize(iframe, px) {
    if (iframe.style.height !== px + 'px') iframe.style.height = px + 'px';
    if (iframe.getAttribute('height') !== String(px)) iframe.setAttribute('height', String(px));
  }

  var DARK = '(prefers-color-scheme: dark)';

  // The page's scheme where the frame sits: `color-scheme` is inherited by the iframe, else
  // <meta name="color-scheme">; a page offering both follows the system, as its colours do.
  function hostTheme(iframe) {
    var scheme = (window.getComputedStyle && window.getComputedStyle(iframe).getPropertyValue('color-scheme')) || '';
    var meta = querySelector.call(document, 'meta[name="color-scheme"]');
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
    var found = frames();
    for (var i = 0; i < found.length; i++) tellTheme(found[i]);
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
    else window.addEventListener('DOMContentLoaded', observe);
  }

  /** Asks the embed for its height, as pym's parent does: a `width` message (the frame's inner width). */
  function ask(iframe) {
    var target = iframe.contentWindow;
    if (!target) return;
    tellTheme(iframe);
    target.postMessage(['pym', childId(iframe), 'width', String(iframe.clientWidth)].join(DELIMITER), '*');
  }

  // When a frame's width changes, ask again: a browser may not run layout observers in an
  // off-screen cross-origin frame, so the embed might not notice on its own.
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

  function frames() {
    return querySelectorAll.call(document, SELECTOR);
  }

  function scan() {
    var found = frames();
    for (var i = 0; i < found.length; i++) prepare(found[i]);
  }

  window.addEventListener('message', function (event) {
    if (!event.source) return;
    var height = heightFrom(event.data);
    if (!height) return;
    // Looked up on every message, so iframes added after this script ran are sized too.
    var found = frames();
    for (var i = 0; i < found.length; i++) {
      if (found[i].contentWindow === event.source) {
        prepare(found[i]);
        resize(found[i], height);
        return;
      }
    }
  });

  if (KEY) Object.defineProperty(window, KEY, { value: { scan: scan, version: 2 } });
  // Frames parsed after this script are found once the document is (DOMContentLoaded reaches window).
  window.addEventListener('DOMContentLoaded', scan);
  scan();
})();
