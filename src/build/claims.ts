import type { Claim } from './sectionSchema.ts';

/**
 * The attributed claims a section lists (`claims` in its frontmatter) checked against text: a
 * text that states a claim (matches one of its `statedAs`) must name who makes it (match one of
 * its `creditedAs`). Built from the content's own list, not from a guess at keywords.
 */

const anyMatch = (patterns: string[], text: string) => patterns.some((p) => new RegExp(p, 'iu').test(text));

export const statesClaim = (claim: Claim, text: string) => anyMatch(claim.statedAs, text);
export const creditsClaim = (claim: Claim, text: string) => anyMatch(claim.creditedAs, text);

export interface Uncredited {
  text: string;
  claim: Claim;
}

/** Each text that states one of the claims without naming its source, with the claim. */
export function uncreditedClaims(texts: string[], claims: Claim[]): Uncredited[] {
  return texts.flatMap((text) => claims.filter((claim) => statesClaim(claim, text) && !creditsClaim(claim, text)).map((claim) => ({ text, claim })));
}

/** How a failure reads: the text, the claim it states and whose claim it is. */
export const describeUncredited = ({ text, claim }: Uncredited) => `“${text}” states “${claim.claim}” without crediting ${claim.attributedTo}`;

/** A section's Markdown body as paragraphs: a claim and its credit must stand in the same one. */
export const paragraphs = (markdown: string) =>
  markdown
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
