/**
 * The throughput model's public contract, used by figures, embeds and outside checks.
 *
 * `evaluate(values)` takes any object (missing keys take defaults; out-of-range values are
 * clamped; unknown keys ignored) and returns `{ tx, rx, endToEnd }`: per side `gbps`
 * (10^9 bit/s), `mbps` (megabytes per second, 10^6 byte/s), `bound`, `cpuUtilization` and
 * the time breakdown; end to end the slowest of send, receive and window ÷ RTT.
 */
import { clamp } from './clamp.ts';
import { throughput, type Result } from './throughput.ts';

/** Version of the model's arithmetic and defaults; pinned embeds carry it. */
export const MODEL_VERSION = '1.1.0';

/** The model for any state: clamped, defaults filled in. */
export function evaluate(values: Readonly<Record<string, unknown>> = {}): Result {
  return throughput(clamp(values).values);
}

export { band, bandAlong, type Band, type Range } from './band.ts';
export { clamp, type Change, type ClampResult } from './clamp.ts';
export {
  defaults,
  paramFor,
  params,
  type Checksum,
  type ChoiceKey,
  type ChoiceOption,
  type ChoiceParam,
  type Group,
  type NumberKey,
  type NumberParam,
  type Param,
  type ParamKey,
  type Provenance,
  type RxMode,
  type TxMode,
  type Values,
} from './params.ts';
export { presetById, presets, presetValues, type Expectation, type Preset, type Setting } from './presets.ts';
export { fromQuery, toQuery } from './query.ts';
export { sweep, type Sweep } from './sweep.ts';
export {
  PAGE_BYTES,
  type Bound,
  type EndToEnd,
  type Result,
  type SegmentTime,
  type SideResult,
  type Stage,
} from './throughput.ts';
