/**
 * Keyboard steps through the story: → or j for the next section, ← or k for the previous one.
 * Presses add up while the page is still scrolling (thirty quick presses move thirty sections,
 * not one): each counts from where the last one aimed, until the reader arrives there.
 */
export function watchKeys(options: { current(): number; count(): number; goTo(index: number): void }) {
  let target: number | undefined;
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]')) return;
    const step = event.key === 'ArrowRight' || event.key === 'j' ? 1 : event.key === 'ArrowLeft' || event.key === 'k' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    target = Math.max(0, Math.min(options.count() - 1, (target ?? options.current()) + step));
    options.goTo(target);
  };
  // Any other way of moving ends a run of presses.
  const reset = () => (target = undefined);
  const others = ['wheel', 'touchstart', 'pointerdown'] as const;
  document.addEventListener('keydown', onKey);
  for (const type of others) addEventListener(type, reset, { passive: true });
  return {
    /** The reader has arrived at a section: once it is the one aimed at, presses count from there. */
    arrived(index: number) {
      if (index === target) target = undefined;
    },
    stop() {
      document.removeEventListener('keydown', onKey);
      for (const type of others) removeEventListener(type, reset);
    },
  };
}
