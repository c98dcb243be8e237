/**
 * The layout's breakpoints. Below NARROW_MAX_WIDTH (phones) the story stacks the map above the
 * text, sections use their `narrow` cameras, and embeds use their narrow still maps. From
 * WIDE_MIN_WIDTH an embed sets its text beside its map. CSS cannot import a constant, so
 * `breakpoints.test.ts` holds every stylesheet's width queries to these numbers.
 */
export const NARROW_MAX_WIDTH = 639;
export const NARROW_QUERY = `(max-width: ${NARROW_MAX_WIDTH}px)`;
export const WIDE_MIN_WIDTH = 1100;
