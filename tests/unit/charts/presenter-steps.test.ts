import { describe, expect, it } from 'vitest';
import { articleText, parseSteps, stepsJson, textFragment, validateSteps } from '../../../src/lib/charts/steps.ts';
import { presetById, presetValues } from '../../../src/lib/model/index.ts';
import { drawingSize, MIN_SCALE } from '../../../src/lib/charts/presenter-size.ts';

const SOURCE = `---
title: "A test article"
---
import Something from './x.ts';

<Margin at="id#p1" quote="words only in an attribute">A margin note.</Margin>

LANL ran 2.4.3, so the fit has **one CPU copy** on each side. Bigger segments alone get close to \u201Ctwice\u201D, as <ModelLink preset="quadrics-big-segments">the table</ModelLink> shows.

See [the other article](../other/) for \`sendfile()\` details, and \`a<b\` is no tag.

\`\`\`text
a sentence inside a code block.
\`\`\`

<PresenterSteps steps={[
  { preset: 'quadrics-2002', sentence: 'A sentence that only the steps prop holds.', notes: 'It\\'s here { and } here' },
]} />
`;
const TEXT = articleText(SOURCE);

describe('articleText', () => {
  it('keeps the prose, with link, code and emphasis syntax reduced to their words', () => {
    expect(TEXT).toContain('LANL ran 2.4.3, so the fit has one CPU copy on each side.');
    expect(TEXT).toContain('as the table shows.');
    expect(TEXT).toContain('See the other article for sendfile() details, and a<b is no tag.');
    expect(TEXT).toContain('A margin note.');
  });

  it('drops frontmatter, imports, code blocks and everything inside JSX tags', () => {
    for (const hidden of ['A test article', 'import', 'inside a code block', 'only in an attribute', 'only the steps prop', 'quadrics']) {
      expect(TEXT).not.toContain(hidden);
    }
  });
});

describe('validateSteps', () => {
  it('completes good steps: full state, bands less the keys a step sets, a text fragment', () => {
    const steps = validateSteps(
      [
        { preset: 'quadrics-2002', sentence: 'LANL ran 2.4.3, so the fit has one CPU copy on each side.', notes: 'Start here.' },
        {
          preset: 'quadrics-zc-both',
          values: { mss: 24576 },
          // Straight quotes in the step match the curly ones of the article.
          sentence: 'Bigger segments alone get close to "twice", as the table shows.',
        },
      ],
      TEXT,
    );
    expect(steps).toHaveLength(2);
    const zcBoth = presetById('quadrics-zc-both')!;
    expect(steps[1]!.values).toEqual({ ...presetValues(zcBoth), mss: 24576 });
    expect(steps[1]!.bandKeys).toEqual(zcBoth.bandKeys.filter((k) => k !== 'mss'));
    expect(steps[0]!.bandKeys).toEqual(presetById('quadrics-2002')!.bandKeys);
    expect(steps[0]!.notes).toBe('Start here.');
    expect(steps[1]!.notes).toBe('');
    expect(steps[0]!.fragment).toBe('#:~:text=LANL%20ran%202.4.3%2C%20so,copy%20on%20each%20side.');
  });

  it('fails on a sentence the article does not contain, naming the step', () => {
    expect(() =>
      validateSteps(
        [
          { preset: 'quadrics-2002', sentence: 'LANL ran 2.4.3, so the fit has one CPU copy on each side.' },
          { preset: 'quadrics-2002', sentence: 'LANL ran 2.4.4.' },
        ],
        TEXT,
      ),
    ).toThrow('PresenterSteps step 2: sentence not found word for word in the article: "LANL ran 2.4.4."');
  });

  it('fails on a sentence that stands only in a component attribute, the steps themselves included', () => {
    expect(() => validateSteps([{ preset: 'quadrics-2002', sentence: 'A sentence that only the steps prop holds.' }], TEXT)).toThrow(
      /step 1: sentence not found/,
    );
    expect(() => validateSteps([{ preset: 'quadrics-2002', sentence: 'words only in an attribute' }], TEXT)).toThrow(
      /step 1: sentence not found/,
    );
  });

  it('fails on a caption that types a number the model computes, even one the article holds', () => {
    const article =
      'Zero-copy lifts the sender to 1.64 Gbit/s. Receive runs at 64 % of send. The gain is ×1.8 overall. Linux 2.4.4 came in 2001.';
    for (const sentence of ['Zero-copy lifts the sender to 1.64 Gbit/s.', 'Receive runs at 64 % of send.', 'The gain is ×1.8 overall.']) {
      expect(() => validateSteps([{ preset: 'quadrics-2002', sentence }], article)).toThrow(/types a number the model computes/);
    }
    // Versions and years are not model output.
    expect(validateSteps([{ preset: 'quadrics-2002', sentence: 'Linux 2.4.4 came in 2001.' }], article)).toHaveLength(1);
  });

  it('fails on an unknown preset', () => {
    expect(() => validateSteps([{ preset: 'quadrics-2003', sentence: 'A margin note.' }], TEXT)).toThrow(
      'PresenterSteps step 1: unknown preset "quadrics-2003"',
    );
  });

  it('fails on a value the model would clamp, an unknown option, or an unknown parameter', () => {
    expect(() => validateSteps([{ preset: 'quadrics-2002', values: { mss: 100000 }, sentence: 'A margin note.' }], TEXT)).toThrow(
      'PresenterSteps step 1: values.mss = 100000 is above maximum (256 to 65536)',
    );
    expect(() => validateSteps([{ preset: 'quadrics-2002', values: { rxCores: 1.5 }, sentence: 'A margin note.' }], TEXT)).toThrow(
      'values.rxCores = 1.5 is not a whole number',
    );
    expect(() => validateSteps([{ preset: 'quadrics-2002', values: { txMode: 'splice' }, sentence: 'A margin note.' }], TEXT)).toThrow(
      'values.txMode = "splice" is not an option (copy, sendfile)',
    );
    expect(() => validateSteps([{ preset: 'quadrics-2002', values: { mtu: 9000 }, sentence: 'A margin note.' }], TEXT)).toThrow(
      'values.mtu is not a model parameter',
    );
  });

  it('fails on an empty list or a step without a sentence', () => {
    expect(() => validateSteps([], TEXT)).toThrow('steps must be a non-empty array');
    expect(() => validateSteps([{ preset: 'quadrics-2002' }], TEXT)).toThrow('step 1: needs a sentence');
  });
});

describe('steps that name their figure', () => {
  const article = articleText(SOURCE);
  it('a model figure: its state as usual, the figure kept', () => {
    const [step] = validateSteps([{ figure: 'time-breakdown', preset: 'quadrics-2002', sentence: 'LANL ran 2.4.3' }], article);
    expect(step!.figure).toBe('time-breakdown');
    expect(step!.values).toEqual(presetValues(presetById('quadrics-2002')!));
  });

  it('a figure of published numbers: no state, no bands, and its sentence may type numbers', () => {
    const withNumbers = articleText(`${SOURCE}\nHe saw 1.4 Gbit/s out and 0.9 Gbit/s in.\n`);
    const [step] = validateSteps([{ figure: 'thread-numbers', sentence: 'He saw 1.4 Gbit/s out and 0.9 Gbit/s in.' }], withNumbers);
    expect(step).toMatchObject({ figure: 'thread-numbers', preset: '', bandKeys: [] });
    expect(() => validateSteps([{ figure: 'thread-numbers', preset: 'quadrics-2002', sentence: 'LANL ran 2.4.3' }], article)).toThrow(
      /step 1: figure thread-numbers shows published numbers: no preset or values/,
    );
  });

  it('fails on an unknown figure, and reads an unknown one back as none', () => {
    expect(() => validateSteps([{ figure: 'pie-chart', preset: 'quadrics-2002', sentence: 'LANL ran 2.4.3' }], article)).toThrow(
      /step 1: unknown figure "pie-chart"/,
    );
    const json = stepsJson(validateSteps([{ figure: 'memory-bus', preset: 'quadrics-2002', sentence: 'LANL ran 2.4.3' }], article));
    expect(parseSteps(json)[0]!.figure).toBe('memory-bus');
    expect(parseSteps(json.replace('memory-bus', 'pie-chart'))[0]!.figure).toBe('');
  });
});

describe('steps on the page', () => {
  const steps = validateSteps([{ preset: 'quadrics-2002', sentence: 'A margin note.', notes: '</script><b>&' }], TEXT);

  it('writes JSON that no markup can break out of, and reads it back', () => {
    const json = stepsJson(steps);
    expect(json).not.toMatch(/[<>&]/);
    expect(parseSteps(json)).toEqual(steps);
  });

  it('reads malformed JSON as no steps', () => {
    expect(parseSteps('not json')).toEqual([]);
    expect(parseSteps('{"sentence":"x"}')).toEqual([]);
    expect(parseSteps('[{"values":{}}]')).toEqual([]);
  });

  it('clamps values read back and drops unknown band keys', () => {
    const [step] = parseSteps('[{"sentence":"s","values":{"mss":1e9},"bandKeys":["mss","nope"],"fragment":"javascript:x"}]');
    expect(step?.values.mss).toBe(65536);
    expect(step?.bandKeys).toEqual(['mss']);
    expect(step?.fragment).toBe('');
  });
});

describe('textFragment', () => {
  it("keeps clear of quotation marks and encodes the directive's own characters", () => {
    expect(textFragment('Bigger segments alone get close to "twice" because they spread the fixed cost over more bytes.')).toBe(
      '#:~:text=Bigger%20segments%20alone%20get,cost%20over%20more%20bytes.',
    );
    expect(textFragment('A zero-copy send.')).toBe('#:~:text=A%20zero%2Dcopy%20send.');
  });
});

describe('drawingSize', () => {
  it('draws at least 1.6 times smaller than the stage, so type and strokes come out 1.6 times larger', () => {
    expect(drawingSize(1232, 470)).toEqual({ width: 770, height: 293, scale: MIN_SCALE });
    expect(drawingSize(400, 300).scale).toBe(MIN_SCALE);
  });

  it("magnifies more on a big screen, keeping the stage's shape", () => {
    const { width, height, scale } = drawingSize(1880, 800);
    expect(scale).toBe(2);
    expect([width, height]).toEqual([940, 400]);
  });
});
