import { describe, expect, it } from 'vitest';
import { relativizeHtml } from './relativeUrls.ts';

describe('relativizeHtml', () => {
  it('makes root-absolute links relative to the page folder', () => {
    const html = '<link href="/_astro/a.css"><script src="/_astro/b.js"></script><a href="/embed/">';
    expect(relativizeHtml(html, 0)).toBe('<link href="./_astro/a.css"><script src="./_astro/b.js"></script><a href="./embed/">');
    expect(relativizeHtml(html, 2)).toContain('src="../../_astro/b.js"');
  });
  it('leaves protocol-relative, absolute and fragment links alone', () => {
    const html = '<a href="//x.test/"></a><a href="https://x.test/"></a><a href="#s">';
    expect(relativizeHtml(html, 1)).toBe(html);
  });
});
