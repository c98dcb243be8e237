/** The locator inset's fixed view: Syria with Turkey's south and the Mediterranean coast. */
export const LOCATOR_VIEW = { camera: { center: [37.6, 35.4] as [number, number], zoom: 2.75 }, width: 132, height: 112 };
