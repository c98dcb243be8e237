import { describe, expect, it } from 'vitest';
import { storyWorld } from '@build/payload.ts';
import { frame } from '@lib/frame/frame.ts';
import { readSections } from '../../../tests/support/sections.ts';
import { legendFor } from './legend.ts';
import { LIGHT } from './palette.ts';

const world = storyWorld();
const sections = new Map(readSections().map((s) => [s.slug, s.data.map]));
const keyAtEnd = (slug: string) => new Map(legendFor(frame(sections.get(slug)!, 1, world), LIGHT).map((e) => [e.key, e.label]));

describe('the key to the markers', () => {
  it('says a symbol drawn at its town, its own site not located, stands there approximately', () => {
    // Section 7: the posts around Saraqeb and at Tell Touqan are drawn at their towns' points
    // (data/markers.json, approximate); the Taftanaz air base post is located.
    const key = keyAtEnd('full-attack');
    expect(key.get('post-encircled')).toBe('Turkish post cut off by the advance (site approximate)');
    expect(key.get('post')).toBe('Turkish military post');
  });

  it('says the helicopter’s site is disputed, and an air strike’s approximate', () => {
    const labels = [...sections.keys()].flatMap((slug) => [...keyAtEnd(slug).values()]);
    expect(labels).toContain('Helicopter downed (site disputed)');
    expect(labels).toContain('Air strike reported (site approximate)');
    expect(labels.filter((l) => l.startsWith('Helicopter downed') && l !== 'Helicopter downed (site disputed)')).toEqual([]);
  });
});
