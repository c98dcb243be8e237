/**
 * The reader's motion preference: the system's `prefers-reduced-motion`, unless they chose
 * otherwise with the page's own toggle (remembered on this device).
 */
const KEY = 'idlib-motion';

export function initialReducedMotion(): boolean {
  const saved = safeStorage()?.getItem(KEY);
  if (saved === 'reduced') return true;
  if (saved === 'full') return false;
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function saveReducedMotion(reduced: boolean) {
  safeStorage()?.setItem(KEY, reduced ? 'reduced' : 'full');
}

// Storage can be blocked (private modes, sandboxed embeds): the toggle still works for the visit.
function safeStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
