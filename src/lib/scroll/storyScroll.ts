import scrollama from 'scrollama';

export interface ScrollPosition {
  index: number;
  progress: number;
}

/**
 * Reports which section the reader is in and how far through it, as they scroll either way.
 * `offset` is where on screen (0 top … 1 bottom) a section becomes active.
 */
export function watchScroll(steps: HTMLElement[], offset: number, onChange: (position: ScrollPosition) => void) {
  const scroller = scrollama();
  let index = 0;
  scroller
    .setup({ step: steps, progress: true, offset: offset as scrollama.DecimalType, threshold: 2 })
    .onStepEnter(({ index: i }) => {
      index = i;
      onChange({ index, progress: progressOf(steps[i]!, offset) });
    })
    .onStepProgress(({ index: i, progress }) => {
      if (i === index) onChange({ index, progress });
    })
    .onStepExit(({ index: i, direction }) => {
      // Leaving the first section upwards (back to the intro) or the last one downwards
      // (on to the credits): hold that section's start or end state.
      if (i === 0 && direction === 'up') onChange({ index: 0, progress: 0 });
      if (i === steps.length - 1 && direction === 'down') onChange({ index: i, progress: 1 });
    });
  const onResize = () => scroller.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    scroller.destroy();
  };
}

/** Progress through `step` given the trigger line at `offset`, measured now (no event needed). */
export function progressOf(step: HTMLElement, offset: number): number {
  const { top, height } = step.getBoundingClientRect();
  return Math.min(1, Math.max(0, (innerHeight * offset - top) / height));
}

/** The section under the trigger line right now: for a reload or a `#section` link. */
export function positionNow(steps: HTMLElement[], offset: number): ScrollPosition {
  const line = innerHeight * offset;
  let index = 0;
  steps.forEach((step, i) => {
    if (step.getBoundingClientRect().top <= line) index = i;
  });
  return { index, progress: progressOf(steps[index]!, offset) };
}
