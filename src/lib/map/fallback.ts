/** What the reader is told, in one calm line, when the live map gives way to the still maps. */
export const FALLBACK_NOTICE = 'The interactive map could not load here, so each section shows a still map instead.';

/**
 * Switches the page to its still maps (CSS keys on html[data-map=failed]) and tells the reader:
 * the notice is a polite status region, filled only now so screen readers announce it.
 */
export function showStillMaps(reason: unknown) {
  const notice = document.querySelector('.map-failed');
  if (notice?.textContent) return;
  console.warn('The live map is unavailable; showing the still maps instead.', reason);
  // The page's head may have set this already, before first paint (Page.astro).
  document.documentElement.dataset.map = 'failed';
  if (notice) notice.textContent = FALLBACK_NOTICE;
}
