import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspFirstInHead } from '../../src/integrations/cspFirst.ts';

const DIST = process.env.DIST ?? 'dist';
const CSP = "<meta http-equiv=\"content-security-policy\" content=\"default-src 'self'; script-src 'self' 'sha256-x'\">";

describe('cspFirstInHead', () => {
  it('moves the policy to the top of <head>, after the charset', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title><script>early()</script>${CSP}<style>a{}</style></head><body><script>late()</script></body></html>`;
    expect(cspFirstInHead(html)).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${CSP}<title>t</title><script>early()</script><style>a{}</style></head><body><script>late()</script></body></html>`,
    );
  });

  it('puts it first when there is no charset <meta>, and leaves pages without a policy alone', () => {
    expect(cspFirstInHead(`<html><head><script>x()</script>${CSP}</head></html>`)).toBe(`<html><head>${CSP}<script>x()</script></head></html>`);
    const plain = '<html><head><script>x()</script></head></html>';
    expect(cspFirstInHead(plain)).toBe(plain);
  });

  it('refuses a page with two policies rather than guess', () => {
    expect(() => cspFirstInHead(`<html><head>${CSP}${CSP}</head></html>`)).toThrow(/2 Content-Security-Policy/);
  });
});

/** Every page of the build, as a path under DIST. */
function pages(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

// Read from dist/ (or $DIST) after the build; skipped only when there is no build at all.
describe.runIf(existsSync(join(DIST, 'index.html')))(`the built pages (${DIST}/)`, () => {
  it('have the Content-Security-Policy <meta> first in <head>, before anything it governs', () => {
    const found = pages();
    expect(found.length).toBeGreaterThan(2);
    for (const page of found) {
      const html = readFileSync(page, 'utf8');
      const head = html.slice(html.indexOf('<head>') + '<head>'.length, html.indexOf('</head>'));
      const tags = [...head.matchAll(/<([a-z]+)\b([^>]*)>/gi)].map(([, name, attrs]) =>
        /http-equiv="content-security-policy"/i.test(attrs!)
          ? 'csp'
          : name!.toLowerCase() === 'meta' && /^\s*charset=/i.test(attrs!)
            ? 'charset'
            : name!.toLowerCase(),
      );
      expect(
        tags.filter((t) => t === 'csp'),
        `${page}: one policy`,
      ).toHaveLength(1);
      expect(tags.slice(0, 2), `${page}: the head begins ${tags.slice(0, 4).join(', ')}`).toEqual(['charset', 'csp']);
      expect(html.indexOf('<script'), `${page}: a script before the <head>`).toBeGreaterThan(html.indexOf('<head>'));
    }
  });
});
