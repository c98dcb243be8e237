import { describe, expect, it } from 'vitest';
import { embedOptions, embedQuery } from './options.ts';
import { effectiveTheme, themeMessage } from './theme.ts';
import { stillCode } from './code.ts';

describe('embed options in the address', () => {
  it('reads theme, view and start, falling back to the defaults for anything unknown', () => {
    expect(embedOptions('')).toEqual({ theme: undefined, view: 'full', at: 'start' });
    expect(embedOptions('?theme=dark&view=map&at=end')).toEqual({ theme: 'dark', view: 'map', at: 'end' });
    expect(embedOptions('?view=poster&at=middle&theme=sepia')).toEqual({ theme: undefined, view: 'full', at: 'start' });
  });

  it('writes only what is not a default, and reads back what it wrote', () => {
    expect(embedQuery({ view: 'full', at: 'start' })).toBe('');
    expect(embedQuery({ theme: 'auto', view: 'still', at: 'start' })).toBe('?theme=auto&view=still');
    for (const options of [{ theme: 'dark', view: 'map', at: 'end' }, { theme: undefined, view: 'still', at: 'start' }] as const) {
      expect(embedOptions(embedQuery(options))).toEqual(options);
    }
  });
});

describe('an embed’s theme', () => {
  it('is the address’s light or dark whatever the host says; otherwise the host’s, when it says', () => {
    expect(effectiveTheme('dark', 'light')).toBe('dark');
    expect(effectiveTheme('light', 'dark')).toBe('light');
    expect(effectiveTheme('auto', 'dark')).toBe('dark');
    expect(effectiveTheme(undefined, 'dark')).toBe('dark');
    expect(effectiveTheme('auto', undefined)).toBe('auto');
    expect(effectiveTheme(undefined, undefined)).toBeUndefined();
  });

  it('takes only the loader’s theme message', () => {
    expect(themeMessage({ sentinel: 'idlib-embed', type: 'theme', theme: 'dark' })).toBe('dark');
    for (const other of [{ sentinel: 'idlib-embed', type: 'theme', theme: 'auto' }, { sentinel: 'amp', type: 'theme', theme: 'dark' }, { sentinel: 'idlib-embed', type: 'height', theme: 'dark' }, 'dark', null, 7]) {
      expect(themeMessage(other)).toBeUndefined();
    }
  });
});

describe('the still code', () => {
  it('is an image linking to the story with a caption: no iframe, no script, attributes escaped', () => {
    const code = stillCode({ image: 'https://s.example/embed/x/still.png', link: 'https://s.example/#x', title: 'A "quoted" & <odd> title', alt: 'A map.', width: 720, height: 800 });
    expect(code).not.toMatch(/<iframe|<script/);
    expect(code).toContain('<a href="https://s.example/#x"><img src="https://s.example/embed/x/still.png" alt="A map." width="720" height="800"');
    expect(code).toContain('A &quot;quoted&quot; &amp; &lt;odd&gt; title');
  });
});
