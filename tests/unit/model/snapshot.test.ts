import { describe, expect, it } from 'vitest';
import { evaluate, MODEL_VERSION, presets } from '../../../src/lib/model/index.ts';
import { compareSnapshots, takeSnapshot } from '../../../src/lib/model/snapshot.ts';
import { SNAPSHOTS } from '../../../src/lib/model/snapshots.ts';
import { MODEL_VERSIONS } from '../../../src/lib/model/versions.ts';

describe('model snapshots', () => {
  it('the current version’s snapshot is what the model computes now (changing numbers means a new version)', () => {
    expect(SNAPSHOTS[MODEL_VERSION]).toEqual(takeSnapshot(MODEL_VERSION));
  });
  it('every published version has a snapshot and every snapshot a version', () => {
    expect(Object.keys(SNAPSHOTS).sort()).toEqual(MODEL_VERSIONS.map((v) => v.version).sort());
    for (const [version, snap] of Object.entries(SNAPSHOTS)) expect(snap.version).toBe(version);
  });
  it('a version that says it changes numbers does, and one that says it does not, does not', () => {
    for (let i = 0; i < MODEL_VERSIONS.length - 1; i++) {
      const after = MODEL_VERSIONS[i]!;
      const before = MODEL_VERSIONS[i + 1]!;
      const moved = compareSnapshots(SNAPSHOTS[before.version]!, SNAPSHOTS[after.version]!);
      expect(moved.length > 0).toBe(after.changesNumbers);
    }
  });
  it('a change to the arithmetic shows up as moved numbers', () => {
    const now = takeSnapshot('x');
    const slower = takeSnapshot('y', (v) => evaluate({ ...v, rxSegUs: 40 }));
    const moved = compareSnapshots(now, slower);
    expect(moved.some((m) => m.preset === 'quadrics-2002' && m.at === 'rx.gbps')).toBe(true);
    expect(moved.every((m) => m.from !== m.to)).toBe(true);
  });
  it('a preset added or removed shows as moved from or to nothing', () => {
    const now = takeSnapshot('x');
    const { 'quadrics-2002': _, ...rest } = now.presets;
    const moved = compareSnapshots({ version: 'w', presets: rest }, now);
    expect(moved.filter((m) => m.preset === 'quadrics-2002').every((m) => m.from === null)).toBe(true);
    expect(presets.length).toBeGreaterThan(1);
  });
});
