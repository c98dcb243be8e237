import { getCollection, render } from 'astro:content';
import type { StepData } from './stepSchema.ts';

export interface Step {
  /** The file name without its `NN-` ordering prefix: the section's `#anchor` and embed path. */
  slug: string;
  data: StepData;
  /** The collection entry, for `render()`. */
  entry: Awaited<ReturnType<typeof getCollection<'story'>>>[number];
}

/** The story's sections in reading order; the build stops if two share an `order`. */
export async function getSteps(): Promise<Step[]> {
  const entries = await getCollection('story');
  const steps = entries
    .map((entry) => ({ slug: entry.id.replace(/^\d+-/, ''), data: entry.data, entry }))
    .sort((a, b) => a.data.order - b.data.order);
  steps.forEach((step, i) => {
    const other = steps[i - 1];
    if (other && other.data.order === step.data.order) {
      throw new Error(`src/content/story/${step.entry.id}.md: field "order": ${step.data.order} is also used by ${other.entry.id}.md`);
    }
  });
  return steps;
}

export const renderStep = (step: Step) => render(step.entry);
