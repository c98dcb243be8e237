/**
 * A printed story has every section's still map. The stills load lazily, as the reader nears
 * them, and a browser may print without fetching the lazy images still below (Chromium 150's
 * PDF printing does: `tests/e2e/resilience.spec.ts`, print). So they start loading at once when
 * the page turns to print: its print media query matching (print preview, or print emulated)
 * or, at the latest, `beforeprint`.
 */
export function loadStillsForPrint() {
  const eager = () => {
    for (const img of document.querySelectorAll<HTMLImageElement>('.static-map img[loading="lazy"]')) img.loading = 'eager';
  };
  matchMedia('print').addEventListener('change', (event) => event.matches && eager());
  addEventListener('beforeprint', eager);
}
