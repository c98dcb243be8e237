/**
 * The size the still maps (`/maps/<section>.svg`) are drawn at. Close to the desktop story's
 * live map, for which the sections' cameras are set, and small enough that labels stay legible
 * where the picture is shown in a text column (about 34rem wide).
 */
export const STILL_MAP = { width: 720, height: 540 } as const;
