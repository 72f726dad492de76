/**
 * The model's version history and how an embed's recorded version is judged against it.
 * Found missing by mutation testing (docs/mutation.md): no test read an older version.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '../../../src/lib/model/index.ts';
import { checkVersion, MODEL_VERSIONS } from '../../../src/lib/model/versions.ts';

describe('MODEL_VERSIONS', () => {
  it('is newest first, from MODEL_VERSION, each with an ISO date and a summary', () => {
    expect(MODEL_VERSIONS[0]?.version).toBe(MODEL_VERSION);
    for (const v of MODEL_VERSIONS) {
      expect(v.date, v.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(v.summary.length, v.version).toBeGreaterThan(20);
    }
    const dates = MODEL_VERSIONS.map((v) => v.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('checkVersion', () => {
  it('counts no version, or a blank one, as current', () => {
    for (const given of [null, undefined, '', MODEL_VERSION]) expect(checkVersion(given), String(given)).toEqual({ status: 'current' });
  });

  it('calls the first published version older, listing the later versions that changed the numbers', () => {
    // 1.1.0 counted memory traffic differently on the receive side: the numbers changed.
    const c = checkVersion('1.0.0');
    expect(c.status).toBe('older');
    const changed = c.status === 'older' ? c.changed.map((v) => v.version) : [];
    expect(changed).toContain('1.1.0');
    expect(changed).not.toContain('1.0.0');
  });

  it('calls a version this site never published unknown, even one that differs only in case or space', () => {
    for (const given of ['9.9.9', ' 1.0.0', 'V1.0.0']) expect(checkVersion(given), given).toEqual({ status: 'unknown', given });
  });
});
