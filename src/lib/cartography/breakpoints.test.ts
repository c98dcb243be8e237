import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NARROW_MAX_WIDTH, WIDE_MIN_WIDTH } from './breakpoints.ts';

// CSS cannot import the breakpoint, so every stylesheet's width queries are held to it here.
const files = globSync('src/**/*.{css,svelte,astro}');
const queries = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/@media[^{]*\((max|min)-width:\s*(\d+)px\)/g)].map((m) => ({ file, kind: m[1]!, px: Number(m[2]) })),
);

const allowed = { max: [NARROW_MAX_WIDTH, WIDE_MIN_WIDTH - 1], min: [NARROW_MAX_WIDTH + 1, WIDE_MIN_WIDTH] };

describe('the breakpoints', () => {
  it('are the only widths the stylesheets switch at', () => {
    expect(queries.length).toBeGreaterThan(1);
    for (const q of queries) expect(allowed[q.kind as 'max' | 'min'], `${q.file}: (${q.kind}-width: ${q.px}px)`).toContain(q.px);
  });
});
