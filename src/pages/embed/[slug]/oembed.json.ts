import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSections } from '@build/sections.ts';
import { siteBase } from '@build/share/meta.ts';
import { oembed } from '@build/share/oembed.ts';

/**
 * `/embed/<section>/oembed.json`: the section as an oEmbed 1.0 "rich" response, which a CMS
 * finds through the `<link rel="alternate" type="application/json+oembed">` of the embed page
 * (and of the story page, for its first section) and pastes in: the same iframe and loader as
 * the journalists' page's embed code (`src/build/share/oembed.ts`).
 */
export const getStaticPaths = (async () =>
  (await getSections()).map((section) => ({ params: { slug: section.slug }, props: { json: oembed(section, siteBase()) } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(`${JSON.stringify(props.json, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
