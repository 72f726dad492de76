/**
 * The sizes figures are exported at for slides. A PNG of `width` × `height` pixels is drawn
 * at half that size in CSS pixels and rasterised at `DENSITY`, so type and marks come out
 * twice as large as on the page: legible from the back of a room.
 */

/** Pixels per CSS pixel in exported PNGs. */
export const DENSITY = 2;

/** One export size: `id` is how it appears in file names (`<preset>-<id>.png`). */
export interface ExportSize {
  readonly id: string;
  readonly label: string;
  /** Pixels of the PNG. */
  readonly width: number;
  readonly height: number;
}

/** Slide sizes: full HD and HD landscape, and a square for social posts. */
export const EXPORT_SIZES: readonly ExportSize[] = [
  { id: '1920x1080', label: '1920 × 1080 (16:9, full HD)', width: 1920, height: 1080 },
  { id: '1280x720', label: '1280 × 720 (16:9, HD)', width: 1280, height: 720 },
  { id: '1080x1080', label: '1080 × 1080 (square)', width: 1080, height: 1080 },
];

/** The CSS-pixel size a figure is laid out at for an export size. */
export function layoutSize(size: ExportSize): { width: number; height: number } {
  return { width: size.width / DENSITY, height: size.height / DENSITY };
}
