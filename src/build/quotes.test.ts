import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseQuote, quotableTexts, quoteProblems, quotations } from './quotes.ts';
import { SEED_FILE } from './seed.ts';

const STORY_DIR = join(process.cwd(), 'src/content/story');
const seed = readFileSync(SEED_FILE, 'utf8');

const files = readdirSync(STORY_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => ({ file, markdown: readFileSync(join(STORY_DIR, file), 'utf8') }));

/** A section file with the given frontmatter lines and body, as an editor might write it. */
const section = (frontmatter: string, body = 'Plain text.\n') =>
  `---\ntitle: A title\nalt: A description of the map long enough to pass the schema's minimum.\n${frontmatter}\n---\n\n${body}`;
const problemsIn = (markdown: string) => quoteProblems(quotableTexts(markdown, 'test.md'), seed);

describe('finding quotations', () => {
  it('pairs every double-mark style and reports a mark left open', () => {
    expect(quotations('He said “a b”, then "c d", «e f», „g h“ and ‹i j›.')).toEqual({
      quotes: ['a b', 'c d', 'e f', 'g h', 'i j'],
      unpaired: [],
    });
    expect(quotations('He said “a b and left it open.').unpaired).toEqual(['“']);
    expect(quotations('He said «a b and left it open.').unpaired).toEqual(['«']);
  });

  it('finds single-quoted quotations, curly or straight, and leaves apostrophes alone', () => {
    expect(quotations('He said ‘we will push them back’ and left.').quotes).toEqual(['we will push them back']);
    expect(quotations("He said 'we will push them back' and left.").quotes).toEqual(['we will push them back']);
    expect(quotations('He called it ‘Assad’s government’, not the state.').quotes).toEqual(['Assad’s government']);
    expect(quotations("The rebels' last stronghold, Assad's forces, the monitor’s report, don’t.")).toEqual({ quotes: [], unpaired: [] });
    expect(quotations('An ‘opening mark with no end.').unpaired).toEqual(['‘']);
  });

  it('takes a single-quoted passage inside a double-quoted one as part of it', () => {
    expect(quotations('“He said ‘no more’ twice,” she said.').quotes).toEqual(['He said ‘no more’ twice,']);
  });

  it('matches the seed through line breaks, stray spaces and apostrophe shapes, and nothing else', () => {
    expect(normaliseQuote('But that’s not\n  enough')).toBe("But that's not enough");
    expect(problemsIn(section('', 'He said: “But that’s not\n  enough, it will continue,” in Ankara.\n'))).toEqual([]);
    expect(problemsIn(section('', "He said: “Today our NATO ally Turkey faces a threat from Assad's government and Russia.”\n"))).toEqual([]);
    expect(problemsIn(section('', 'He said: “Today our NATO ally Turkey faces a threat from Assad’s government and Iran.”\n'))).toHaveLength(1);
  });
});

describe('a made-up quotation fails wherever it stands', () => {
  const madeUp = 'we will take Idlib by Friday';
  const places = {
    'the body': (q: string) => section('', `A commander said ${q} to Reuters.\n`),
    'the title': (q: string) => section('', 'Body.\n').replace('title: A title', `title: A commander says ${q}`),
    'the alt text': (q: string) => section('', 'Body.\n').replace(/^alt: .*$/m, `alt: A map of where a commander said ${q}, with every town labelled.`),
    'a note': (q: string) => section(`notes:\n  - kind: uncertain\n    text: A commander said ${q}, but nobody confirmed it.`),
    'a claim': (q: string) =>
      section(`claims:\n  - claim: A commander said ${q}\n    attributedTo: a rebel commander\n    statedAs: ['Friday']\n    creditedAs: ['commander']`),
  };
  const marks = {
    'curly double': `“${madeUp}”`,
    'straight double': `"${madeUp}"`,
    'curly single': `‘${madeUp}’`,
    'straight single': `'${madeUp}'`,
    guillemets: `«${madeUp}»`,
  };
  for (const [place, write] of Object.entries(places)) {
    for (const [style, quoted] of Object.entries(marks)) {
      it(`in ${place}, in ${style} quotation marks`, () => {
        const problems = problemsIn(write(quoted));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/is not in the seed word for word$/);
        // The same place with a real quotation passes: the failure is the quote's, not the place's.
        expect(problemsIn(write(quoted.replace(madeUp, 'very high price')))).toEqual([]);
      });
    }
  }
});

describe('quotations in the story', () => {
  const texts = files.flatMap(({ file, markdown }) => quotableTexts(markdown, file));

  it('exist in the text and in the frontmatter, so these checks cannot pass on an empty story', () => {
    const quoted = texts.filter(({ text }) => quotations(text).quotes.length > 0);
    expect(quoted.some(({ where }) => where.endsWith(': body'))).toBe(true);
    expect(quoted.some(({ where }) => !where.endsWith(': body'))).toBe(true);
  });

  it.each(files)('$file: every quotation is closed and stands in the seed word for word', ({ file, markdown }) => {
    expect(quoteProblems(quotableTexts(markdown, file), seed)).toEqual([]);
  });
});
