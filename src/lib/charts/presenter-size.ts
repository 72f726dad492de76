/**
 * How big presenter mode draws a figure. Pure arithmetic, so it is unit-tested in Node.
 *
 * The figure is drawn smaller than the stage and its SVG scaled up to fill it: Plot's 12 px
 * type and 1–2 px strokes come out at `scale` times that, large enough for the back of a room.
 */

/** The least magnification: type at 12 × 1.6 ≈ 19 px or more. */
export const MIN_SCALE = 1.6;
/** The size figures are designed for (Figure.astro's default). */
const DESIGN = { width: 720, height: 400 } as const;

/** The drawing size for a stage of `width` × `height` CSS px, and the factor it is scaled up by. */
export function drawingSize(width: number, height: number): { width: number; height: number; scale: number } {
  const scale = Math.max(MIN_SCALE, Math.min(width / DESIGN.width, height / DESIGN.height));
  // Rounded down, so the drawing is never magnified less than `scale`.
  return { width: Math.max(1, Math.floor(width / scale)), height: Math.max(1, Math.floor(height / scale)), scale };
}
