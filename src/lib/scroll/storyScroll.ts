import scrollama from 'scrollama';

export interface ScrollPosition {
  index: number;
  progress: number;
}

/** Progress through `element` given the trigger line at `offset`, measured now. */
export function progressOf(element: HTMLElement, offset: number): number {
  const { top, height } = element.getBoundingClientRect();
  return Math.min(1, Math.max(0, (innerHeight * offset - top) / height));
}

/**
 * The section under the trigger line right now, and how far through it the reader is. Above the
 * first section the reader is at its start; below the last, at its end.
 */
export function positionNow(sections: HTMLElement[], offset: number): ScrollPosition {
  const line = innerHeight * offset;
  let index = 0;
  sections.forEach((section, i) => {
    if (section.getBoundingClientRect().top <= line) index = i;
  });
  return { index, progress: progressOf(sections[index]!, offset) };
}

/**
 * Reports which section the reader is in and how far through it, as they move either way by
 * any means: the wheel, a swipe, Home/End, the scrollbar, a link, keys pressed fast, a resize.
 * Every scroll and resize is checked against the page's geometry, once per animation frame, and
 * the geometry decides: an instant jump can leave scrollama no event for the section it lands on.
 * scrollama tells when a section crosses the trigger line (`offset`: 0 top … 1 bottom of the
 * screen), also without a scroll: when a section's height changes (an image loading, a resize)
 * it observes that section again, which reports at once. Its progress events are off: the
 * geometry already gives the progress, and they cost an observer per section with a threshold
 * every few pixels, set up at load and run on every frame of a scroll.
 * `onChange` is called at most once a frame, and only when something moved.
 */
export function watchPosition(sections: HTMLElement[], offset: () => number, onChange: (position: ScrollPosition) => void) {
  let last: ScrollPosition | undefined;
  let tick = 0;
  const check = () => {
    tick = 0;
    const now = positionNow(sections, offset());
    if (last && now.index === last.index && now.progress === last.progress) return;
    last = now;
    onChange(now);
  };
  const schedule = () => {
    tick ||= requestAnimationFrame(check);
  };
  const scroller = scrollama();
  const setup = () =>
    scroller
      .setup({ step: sections, offset: offset() as scrollama.DecimalType })
      .onStepEnter(schedule)
      .onStepExit(schedule);
  setup();
  const onResize = () => {
    scroller.destroy();
    setup();
    schedule();
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', onResize);
  schedule();
  return () => {
    cancelAnimationFrame(tick);
    removeEventListener('scroll', schedule);
    removeEventListener('resize', onResize);
    scroller.destroy();
  };
}
