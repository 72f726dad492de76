import { describe, expect, it } from 'vitest';
import { defaults, presetById, presetValues } from '../../../src/lib/model/index.ts';
import {
  addStep,
  decodeTalk,
  emptyTalk,
  encodeTalk,
  MAX_CAPTION,
  MAX_STEPS,
  makeStep,
  moveStep,
  parseTalk,
  recaption,
  removeStep,
  retitle,
  stepState,
  talkFromSteps,
  talkJson,
} from '../../../src/lib/talk/talk.ts';
import { validateSteps } from '../../../src/lib/charts/steps.ts';

const quadrics = presetValues(presetById('quadrics-2002')!);

describe('a talk step', () => {
  it('keeps a preset state as the preset, and its values and bands come back', () => {
    const step = makeStep('throughput-vs-segment', quadrics, { origin: 'quadrics-2002' });
    expect(step.state).toBe('?preset=quadrics-2002');
    const { values, bandKeys } = stepState(step);
    expect(values).toEqual(quadrics);
    expect(bandKeys).toEqual(presetById('quadrics-2002')!.bandKeys);
  });

  it('keeps a changed value in the query, and drops that key from the bands', () => {
    const step = makeStep('time-breakdown', { ...quadrics, rxCopyMBps: 400 }, { origin: 'quadrics-2002' });
    expect(new URLSearchParams(step.state).get('rxCopyMBps')).toBe('400');
    const { values, bandKeys } = stepState(step);
    expect(values.rxCopyMBps).toBe(400);
    expect(bandKeys).not.toContain('rxCopyMBps');
  });

  it('of a stateless figure holds no state and draws with no bands', () => {
    const step = makeStep('measurements', { ...defaults(), mss: 9000 }, { origin: 'quadrics-2002' });
    expect(step.state).toBe('');
    expect(step.origin).toBe('');
    expect(stepState(step).bandKeys).toEqual([]);
  });
});

describe('editing a talk', () => {
  const a = makeStep('throughput-vs-segment', defaults(), { caption: 'a' });
  const b = makeStep('time-breakdown', defaults(), { caption: 'b' });
  const c = makeStep('memory-bus', defaults(), { caption: 'c' });
  const talk = [a, b, c].reduce(addStep, emptyTalk());
  const captions = (t: typeof talk): string[] => t.steps.map((s) => s.caption);

  it('moves a step forward and back, clamping the target', () => {
    expect(captions(moveStep(talk, 0, 2))).toEqual(['b', 'c', 'a']);
    expect(captions(moveStep(talk, 2, 0))).toEqual(['c', 'a', 'b']);
    expect(captions(moveStep(talk, 1, 99))).toEqual(['a', 'c', 'b']);
    expect(captions(moveStep(talk, 5, 0))).toEqual(['a', 'b', 'c']);
  });

  it('removes, renames and retitles without touching the rest', () => {
    expect(captions(removeStep(talk, 1))).toEqual(['a', 'c']);
    expect(captions(recaption(talk, 2, 'the third'))).toEqual(['a', 'b', 'the third']);
    expect(recaption(talk, 2, 'x'.repeat(MAX_CAPTION + 10)).steps[2]!.caption).toHaveLength(MAX_CAPTION);
    expect(retitle(talk, 'Slowest side\u0007').title).toBe('Slowest side');
  });

  it('stops adding at the step limit', () => {
    let t = emptyTalk();
    for (let i = 0; i < MAX_STEPS + 3; i += 1) t = addStep(t, a);
    expect(t.steps).toHaveLength(MAX_STEPS);
  });
});

describe('a talk in a link', () => {
  it('round-trips through the URL form, non-ASCII captions included', () => {
    const talk = retitle(
      [
        makeStep('throughput-vs-segment', quadrics, {
          origin: 'quadrics-2002',
          caption: 'Receive: 0.9 Gbit/s — “the slowest side”',
          from: 'articles/copy-vs-zero-copy/',
        }),
        makeStep('measurements', defaults(), { caption: 'µs and ≥ signs' }),
      ].reduce(addStep, emptyTalk()),
      'Zéro-copie',
    );
    const text = encodeTalk(talk);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeTalk(text);
    expect(back.problems).toEqual([]);
    expect(back.talk).toEqual(talk);
  });

  it('says what it dropped or changed, and never throws', () => {
    const json = JSON.stringify({
      v: 1,
      t: 'x',
      s: [
        { f: 'no-such-figure', c: 'gone' },
        { f: 'time-breakdown', s: '?rxCopyMBps=99999999', c: 'clamped' },
        { f: 'memory-bus', w: 'javascript:alert(1)' },
        { f: 'memory-bus', w: 'articles/../../etc/' },
        'not an object',
      ],
    });
    const { talk, problems } = parseTalk(json);
    expect(talk.steps.map((s) => s.caption)).toEqual(['clamped', '', '']);
    expect(talk.steps[1]!.from).toBe('');
    expect(talk.steps[2]!.from).toBe('');
    expect(problems.some((p) => p.startsWith('Step 1 names no figure'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Step 2: rxCopyMBps above maximum'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Step 5 names no figure'))).toBe(true);
    expect(decodeTalk('%%%').problems[0]).toMatch(/damaged/);
    expect(decodeTalk('bm90IGpzb24').problems[0]).toMatch(/not JSON/);
    expect(parseTalk('[1]').problems[0]).toMatch(/not a talk/);
  });

  it('leaves empty fields out of the JSON', () => {
    const json = talkJson(addStep(emptyTalk('t'), makeStep('measurements', defaults())));
    expect(JSON.parse(json)).toEqual({ v: 1, t: 't', s: [{ f: 'measurements' }] });
  });
});

describe("an article's sequence as a talk", () => {
  it('has one step per presenter step, captioned with its sentence, at its state', () => {
    const article = 'The receiver copies. Then it does not.';
    const steps = validateSteps(
      [
        { preset: 'quadrics-2002', sentence: 'The receiver copies.' },
        { preset: 'quadrics-2002', values: { rxMode: 'direct' }, sentence: 'Then it does not.', notes: 'n' },
        { figure: 'measurements', sentence: 'The receiver copies.' },
      ],
      article,
    );
    const talk = talkFromSteps('Copy', 'throughput-vs-segment', steps, 'articles/x/');
    expect(talk.steps.map((s) => s.caption)).toEqual(['The receiver copies.', 'Then it does not.', 'The receiver copies.']);
    expect(talk.steps.map((s) => s.figure)).toEqual(['throughput-vs-segment', 'throughput-vs-segment', 'measurements']);
    expect(stepState(talk.steps[1]!).values.rxMode).toBe('direct');
    expect(talk.steps[1]!.notes).toBe('n');
    expect(talk.steps.every((s) => s.from === 'articles/x/')).toBe(true);
    expect(talk.steps.map((s) => s.origin)).toEqual(['quadrics-2002', 'quadrics-2002', '']);
  });
});

describe('a step in words', () => {
  it('names the figure, the preset, and what changed from it', async () => {
    const { stepWhat, slug } = await import('../../../src/lib/talk/words.ts');
    expect(stepWhat(makeStep('time-breakdown', quadrics, { origin: 'quadrics-2002' }))).toBe(
      `CPU time per segment: preset “${presetById('quadrics-2002')!.title}”`,
    );
    const changed = stepWhat(makeStep('time-breakdown', { ...quadrics, rxCopyMBps: 400, rxMode: 'direct' }, { origin: 'quadrics-2002' }));
    expect(changed).toMatch(/, with .*400 MB\/s/);
    expect(changed).toMatch(/direct placement/);
    expect(stepWhat(makeStep('measurements', defaults()))).toMatch(/: published numbers$/);
    expect(slug('Zéro-copie: “the slowest side” in 5 µs!', 48)).toBe('zero-copie-the-slowest-side-in-5-us');
    expect(slug('***', 48)).toBe('');
  });
});
