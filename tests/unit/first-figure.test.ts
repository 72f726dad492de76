import { describe, expect, it } from 'vitest';
import { firstFigure } from '../../src/lib/first-figure.ts';

describe('firstFigure', () => {
  it('reads the name and preset of the first <Figure>, in any attribute order and across lines', () => {
    expect(firstFigure('Intro.\n\n<Figure name="memory-bus" />\n<Figure name="slowest-side" />')).toEqual({ name: 'memory-bus' });
    expect(firstFigure('<div>\n  <Figure\n    preset=\'gige-2002\'\n    width={300}\n    name="time-breakdown"\n  />\n</div>')).toEqual({
      name: 'time-breakdown',
      preset: 'gige-2002',
    });
  });

  it('skips code, comments and other tags', () => {
    const mdx = [
      '```mdx',
      '<Figure name="memory-bus" />',
      '```',
      'Write `<Figure name="memory-bus" />` in MDX.',
      '{/* <Figure name="memory-bus" /> */}',
      '<!-- <Figure name="memory-bus" /> -->',
      '<FigureShare figure="memory-bus" />',
      '<Figure name="receive-path" preset="zcrx-2024-zcrx" />',
    ].join('\n');
    expect(firstFigure(mdx)).toEqual({ name: 'receive-path', preset: 'zcrx-2024-zcrx' });
    expect(firstFigure('No figures here; a `<Figure>` in code only.')).toBeUndefined();
  });

  it('throws when the state of the first figure cannot be read, or it names no figure', () => {
    expect(() => firstFigure('<Figure name="memory-bus" values={{ mss: 9000 }} />')).toThrow('cannot read values={…}');
    expect(() => firstFigure('<Figure name={id} />')).toThrow('cannot read name={…}');
    expect(() => firstFigure('<Figure name="no-such-figure" />')).toThrow('no figure named');
    expect(() => firstFigure('<Figure preset="gige-2002" />')).toThrow('no figure named');
  });
});
