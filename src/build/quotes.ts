import { parse } from 'yaml';

/**
 * The quote check: every passage the story puts inside quotation marks, in its text or in its
 * frontmatter (titles, map descriptions, editor's notes, claims), must stand in the seed article
 * word for word. The story may paraphrase; what it quotes is what the speaker said, as Reuters
 * printed it.
 */

/** The only liberties a quote may take: spacing, line breaks and the shape of the apostrophe. */
export const normaliseQuote = (text: string) => text.replace(/[’‘']/g, "'").replace(/\s+/g, ' ').trim();

/**
 * Double quotation marks in every style the story might use: “…”, "…", «…», „…“ or „…”, ‹…›.
 * Their marks are never apostrophes, so any left unpaired is an error.
 */
const DOUBLE = /„([^„“”]*)[“”]|“([^“”]*)”|"([^"]*)"|«([^«»]*)»|‹([^‹›]*)›/g;
const DOUBLE_MARKS = /[“”"«»„‹›]/g;

/**
 * Single quotation marks, ‘…’ or '…', which share their closing mark with the apostrophe. An
 * opening mark follows the start, a space or an opening bracket or mark, and comes before a
 * non-space; a closing mark is not followed by a letter or digit ("Assad’s" and "don’t" stay
 * inside). A plural possessive inside a single-quoted quotation ("the rebels’ guns") would end it
 * early: the story writes its quotations in double marks.
 */
const OPEN_SINGLE = String.raw`(?<=^|[\s(\[{—–/“"«„])[‘'](?=\S)`;
const SINGLE = new RegExp(String.raw`${OPEN_SINGLE}((?:[^‘’']|[’'](?=[\p{L}\p{N}]))*)[’'](?![\p{L}\p{N}])`, 'gu');
const SINGLE_OPENERS = new RegExp(OPEN_SINGLE, 'gu');

/** The passages of a text inside quotation marks of any style, and any opening mark left unpaired. */
export function quotations(text: string): { quotes: string[]; unpaired: string[] } {
  const quotes: string[] = [];
  const take = (_: string, ...groups: (string | undefined)[]) => {
    quotes.push(groups.find((g) => typeof g === 'string') ?? '');
    return ' ';
  };
  const rest = text.replace(DOUBLE, take).replace(SINGLE, take);
  return { quotes, unpaired: [...(rest.match(DOUBLE_MARKS) ?? []), ...(rest.match(SINGLE_OPENERS) ?? [])] };
}

/** One string of a section the reader sees, and where it is, for messages ("alt", "notes[1].text"). */
export interface QuotableText {
  where: string;
  text: string;
}

/**
 * The strings of a section's Markdown file that can hold quotations: the body and the frontmatter's
 * title, map description, notes and claims. Source names are titles of articles, not quotations.
 */
export function quotableTexts(markdown: string, file: string): QuotableText[] {
  const fence = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!fence) throw new Error(`${file}: no frontmatter between --- fences`);
  const data = parse(fence[1]!) as {
    title?: string;
    alt?: string;
    notes?: { text?: string }[];
    claims?: { claim?: string }[];
  };
  const texts: QuotableText[] = [
    { where: 'title', text: data.title ?? '' },
    { where: 'alt', text: data.alt ?? '' },
    ...(data.notes ?? []).map((note, i) => ({ where: `notes[${i}].text`, text: note.text ?? '' })),
    ...(data.claims ?? []).map((claim, i) => ({ where: `claims[${i}].claim`, text: claim.claim ?? '' })),
    { where: 'body', text: markdown.slice(fence[0].length) },
  ];
  return texts.map(({ where, text }) => ({ where: `${file}: ${where}`, text }));
}

/** Every problem with the quotations in these texts, as messages naming where each one is. */
export function quoteProblems(texts: QuotableText[], seedText: string): string[] {
  const seed = normaliseQuote(seedText);
  return texts.flatMap(({ where, text }) => {
    const { quotes, unpaired } = quotations(text);
    return [
      ...unpaired.map((mark) => `${where}: the quotation mark ${mark} is not closed`),
      ...quotes.flatMap((quote) => {
        const words = normaliseQuote(quote);
        if (words.split(' ').length < 2) return [`${where}: “${quote}” is too short to attribute`];
        return seed.includes(words) ? [] : [`${where}: “${quote}” is not in the seed word for word`];
      }),
    ];
  });
}
