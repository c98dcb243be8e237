import { LOADER_PATH, embedCode, embedPath, siteRoot, underRoot } from '../../lib/embed/code.ts';

// The journalists' page: embed codes with the absolute addresses of wherever this copy of the
// site is hosted, and Copy buttons (the Clipboard API, else the code is selected for Ctrl+C).
const root = siteRoot(document.documentElement.dataset.root, location.href);

for (const area of document.querySelectorAll<HTMLTextAreaElement>('textarea.code-text[data-slug]')) {
  area.value = embedCode({ src: underRoot(embedPath(area.dataset.slug!), root), loader: underRoot(LOADER_PATH, root), title: area.dataset.title ?? '' });
}
document.getElementById('static-note')?.remove();

async function copy(area: HTMLTextAreaElement, status: HTMLElement) {
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = 'Copied.';
  } catch {
    // No clipboard access (an insecure origin, a refused permission): select it for the reader.
    area.focus();
    area.select();
    status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy[data-for]')) {
  const area = document.getElementById(button.dataset.for!) as HTMLTextAreaElement | null;
  const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
  if (!area || !status) continue;
  button.hidden = false;
  button.addEventListener('click', () => void copy(area, status));
}
