/**
 * Every published model version's snapshot (src/lib/model/snapshots/<version>.json, written
 * by `npm run model-snapshot`), for the changes page and the test that keeps the current one
 * honest. Kept apart from versions.ts, which the embed script bundles for the browser.
 */
import type { Snapshot } from './snapshot.ts';
import v1_0_0 from './snapshots/1.0.0.json' with { type: 'json' };
import v1_1_0 from './snapshots/1.1.0.json' with { type: 'json' };

/** Snapshots by version. Add the new file here when MODEL_VERSION changes. */
export const SNAPSHOTS: Readonly<Record<string, Snapshot>> = { '1.0.0': v1_0_0, '1.1.0': v1_1_0 };
