import type { VideoFormat } from '@lib/embed/files.ts';

/** `downloads/index.json`: the videos in this copy of the site, by section and format (their paths from the site root). */
export interface DownloadsManifest {
  videos: Record<string, Partial<Record<VideoFormat, string>>>;
}

export const emptyManifest = (): DownloadsManifest => ({ videos: {} });
