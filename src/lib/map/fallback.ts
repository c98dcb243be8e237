/** What the reader is told, in one calm line, when the live map gives way to the still maps. */
export const FALLBACK_NOTICE = 'The interactive map could not load here, so each section shows a still map instead.';

/**
 * Switches the page to its still maps (CSS keys on html[data-map=failed]) and tells the reader:
 * the notice is a polite status region, filled only now so screen readers announce it.
 */
export function showStillMaps(reason: unknown) {
  const root = document.documentElement;
  if (root.dataset.map === 'failed') return;
  console.warn('The live map is unavailable; showing the still maps instead.', reason);
  root.dataset.map = 'failed';
  const notice = document.querySelector('.map-failed');
  if (notice) notice.textContent = FALLBACK_NOTICE;
}
