/**
 * Every model figure by id. Each is a set of pure functions of the model state (see
 * types.ts); render.ts turns one into an <svg>.
 */
import { measurementsFigure } from './measurements.ts';
import { memoryBus } from './memory-bus.ts';
import { receivePathFigure } from './receive-path.ts';
import { slowestSide } from './slowest-side.ts';
import { threadNumbersFigure } from './thread-numbers.ts';
import { throughputVsSegment } from './throughput-vs-segment.ts';
import { timeBreakdown } from './time-breakdown.ts';
import type { FigureDef, FigureId } from './types.ts';

/** The figures, by id. */
export const figures: Record<FigureId, FigureDef> = {
  'throughput-vs-segment': throughputVsSegment,
  'time-breakdown': timeBreakdown,
  'memory-bus': memoryBus,
  'slowest-side': slowestSide,
  'receive-path': receivePathFigure,
  measurements: measurementsFigure,
  'thread-numbers': threadNumbersFigure,
};

/** Every figure id, in reading order. */
export const figureIds: readonly FigureId[] = [
  'throughput-vs-segment',
  'time-breakdown',
  'memory-bus',
  'slowest-side',
  'receive-path',
  'measurements',
  'thread-numbers',
];

/** Whether a string names a figure. */
export function isFigureId(s: string): s is FigureId {
  return Object.hasOwn(figures, s);
}

export { renderFigure } from './render.ts';
export { parseBandKeys } from './words.ts';
export type { FigureContext, FigureDef, FigureId, FigureSize, Table, Theme } from './types.ts';
