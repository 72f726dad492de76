/**
 * Drawings made before they are asked for. While a knob or slider has focus, the states its
 * next key press can reach are known (one step either side); a live figure draws them in
 * background tasks, and the step's frame only patches the chart on screen (morph) instead of running the
 * model and Plot. A drawing is kept under the key of everything it depends on, and is handed
 * out once: morph moves its nodes into the page.
 */
import { stateKey } from './memo.ts';
import type { Values } from '../model/index.ts';
import type { Theme } from './types.ts';

/** What a live drawing depends on: the state, the chart's width, the theme and the bands drawn. */
export function drawKey(values: Readonly<Values>, width: number, theme: Theme, bands: readonly string[]): string {
  return `${stateKey(values as Values)}#${width}#${theme}#${bands.join()}`;
}

/** At most `cap` drawings by key, the oldest put in dropped first; each taken once. */
export class Ahead<T> {
  readonly #kept = new Map<string, T>();
  readonly cap: number;

  constructor(cap: number) {
    this.cap = cap;
  }

  get size(): number {
    return this.#kept.size;
  }

  has(key: string): boolean {
    return this.#kept.has(key);
  }

  put(key: string, value: T): void {
    this.#kept.delete(key);
    this.#kept.set(key, value);
    for (const old of this.#kept.keys()) {
      if (this.#kept.size <= this.cap) break;
      this.#kept.delete(old);
    }
  }

  /** The drawing for `key`, removed: a second take finds nothing. */
  take(key: string): T | undefined {
    const value = this.#kept.get(key);
    this.#kept.delete(key);
    return value;
  }

  clear(): void {
    this.#kept.clear();
  }
}
