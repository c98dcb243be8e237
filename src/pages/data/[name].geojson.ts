import type { APIRoute, GetStaticPaths } from 'astro';
import { DATASET_NAMES, dataset, type DatasetName } from '@build/data/datasets.ts';

export const getStaticPaths = (() => DATASET_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(dataset(params.name as DatasetName)), {
    headers: { 'Content-Type': 'application/geo+json' },
  });
