import { describe, expect, it } from 'vitest';
import { storyWorld } from '@build/payload.ts';
import { frame, type Frame } from '@lib/frame/frame.ts';
import { readSections } from '../../../tests/support/sections.ts';
import { legendFor } from './legend.ts';
import { LIGHT } from './palette.ts';

const world = storyWorld();
const sections = new Map(readSections().map((s) => [s.slug, s.data.map]));
const keyOf = (f: Frame) => new Map(legendFor(f, LIGHT).map((e) => [e.key, e.label]));
const atEnd = (slug: string) => frame(sections.get(slug)!, 1, world);

describe('the key to the markers', () => {
  it('says a symbol drawn at its town, its own site not located, stands there approximately', () => {
    // Section 7: the posts around Saraqeb and at Tell Touqan are drawn at their towns' points
    // (data/markers.json, approximate); the Taftanaz air base post is located.
    const key = keyOf(atEnd('full-attack'));
    expect(key.get('post-encircled')).toBe('Turkish post cut off by the advance (sites approximate)');
    expect(key.get('post')).toBe('Turkish military post');
  });

  it('says "some" when a located symbol and an approximate one share a key entry', () => {
    const end = atEnd('full-attack');
    const post = (id: string, approximate: boolean) => ({
      id,
      state: 'post' as const,
      highlighted: false,
      offset: [0, 0] as [number, number],
      ...(approximate ? { approximate: true as const } : {}),
    });
    expect(keyOf({ ...end, markers: [post('a', false), post('b', true)] }).get('post')).toBe('Turkish military post (some sites approximate)');
    expect(keyOf({ ...end, markers: [post('b', true)] }).get('post')).toBe('Turkish military post (site approximate)');
    expect(keyOf({ ...end, markers: [post('a', false)] }).get('post')).toBe('Turkish military post');
  });

  it('says the helicopter’s site is disputed, and an air strike’s approximate', () => {
    const labels = [...sections.keys()].flatMap((slug) => [...keyOf(atEnd(slug)).values()]);
    expect(labels).toContain('Helicopter downed (site disputed)');
    expect(labels).toContain('Air strike reported (site approximate)');
    expect(labels.filter((l) => l.startsWith('Helicopter downed') && l !== 'Helicopter downed (site disputed)')).toEqual([]);
  });
});
