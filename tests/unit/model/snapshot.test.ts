import { describe, expect, it } from 'vitest';
import { evaluate, MODEL_VERSION, presets } from '../../../src/lib/model/index.ts';
import { compareSnapshots, type PresetSnapshot, takeSnapshot } from '../../../src/lib/model/snapshot.ts';
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

describe('compareSnapshots names each number that moved', () => {
  const preset = (rxGbps: number): PresetSnapshot => ({
    tx: { gbps: 1.4, bound: 'cpu', cpuUsPerMB: 700 },
    rx: { gbps: rxGbps, bound: 'cpu', cpuUsPerMB: 900 },
    endToEnd: { gbps: Math.min(1.4, rxGbps), bound: 'rx' },
  });
  it('gives the old and the new value of a number that changed, and nothing for equal snapshots', () => {
    const before = { version: '1', presets: { a: preset(0.9) } };
    const after = { version: '2', presets: { a: preset(1.1) } };
    expect(compareSnapshots(before, before)).toEqual([]);
    expect(compareSnapshots(before, after)).toEqual([
      { preset: 'a', at: 'rx.gbps', from: 0.9, to: 1.1 },
      { preset: 'a', at: 'endToEnd.gbps', from: 0.9, to: 1.1 },
    ]);
  });
  it('shows a preset added as moved from null, with no CPU cost for end to end', () => {
    const moved = compareSnapshots({ version: '1', presets: {} }, { version: '2', presets: { b: preset(1) } });
    expect(moved.map((m) => m.at)).toEqual([
      'tx.gbps',
      'tx.cpuUsPerMB',
      'tx.bound',
      'rx.gbps',
      'rx.cpuUsPerMB',
      'rx.bound',
      'endToEnd.gbps',
      'endToEnd.bound',
    ]);
    expect(moved.every((m) => m.from === null && m.preset === 'b')).toBe(true);
  });
});
