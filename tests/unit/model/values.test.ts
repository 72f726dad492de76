import { type MarkdownToHtmlResult, markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parseFigureCode, renderFigureCode } from '../../../src/lib/model/figure-code.ts';
import { figureValue, formatFigure } from '../../../src/lib/model/figures.ts';
import { modelValues } from '../../../src/lib/model-values.ts';

describe('model numbers written as inline code', () => {
  it('parses a preset, changed values, a path with a divisor, a baseline and a scale, digits and a unit', () => {
    expect(parseFigureCode('model quadrics-zc-both+mss=24576+txMode=sendfile rx.gbps/tx.gbps@quadrics-2002*100 1 %')).toEqual({
      figure: {
        preset: 'quadrics-zc-both',
        with: { mss: 24576, txMode: 'sendfile' },
        at: 'rx.gbps',
        over: 'tx.gbps',
        relativeTo: 'quadrics-2002',
        scale: 100,
      },
      digits: 1,
      unit: '%',
    });
    expect(parseFigureCode('model quadrics-2002 rx.gbps 2')).toEqual({
      figure: { preset: 'quadrics-2002', at: 'rx.gbps' },
      digits: 2,
      unit: undefined,
    });
  });
  it('leaves other code alone and refuses a malformed model code', () => {
    expect(parseFigureCode('netif_rx()')).toBeUndefined();
    expect(parseFigureCode('modelling')).toBeUndefined();
    expect(() => parseFigureCode('model quadrics-2002 rx.gbps')).toThrow(/STATE PATH DIGITS/);
    expect(() => parseFigureCode('model quadrics-2002+mss rx.gbps 2')).toThrow(/key=value/);
    expect(() => renderFigureCode('model no-such-preset rx.gbps 2')).toThrow(/no preset/);
  });
  it('prints what the model computes, with the unit', () => {
    const want = formatFigure(figureValue({ preset: 'quadrics-zc-rx', at: 'rx.gbps' }), 2);
    expect(renderFigureCode('model quadrics-zc-rx rx.gbps 2 Gbit/s')?.text).toBe(`${want} Gbit/s`);
    const ratio = formatFigure(figureValue({ preset: 'quadrics-zc-both', at: 'endToEnd.gbps', relativeTo: 'quadrics-2002' }), 1);
    expect(renderFigureCode('model quadrics-zc-both endToEnd.gbps@quadrics-2002 1 ×')?.text).toBe(`×${ratio}`);
  });
  it('the Markdown plugin replaces the code with a model-value span that says what it is', () => {
    const { html } = markdownToHtml('Receive alone reaches `model quadrics-zc-rx rx.gbps 2 Gbit/s`, and `read()` stays code.\n', {
      mdastPlugins: [modelValues],
    }) as MarkdownToHtmlResult;
    const want = formatFigure(figureValue({ preset: 'quadrics-zc-rx', at: 'rx.gbps' }), 2);
    expect(html).toMatch(new RegExp(`<span class="model-value" data-preset="quadrics-zc-rx" data-at="rx.gbps"[^>]*>${want} Gbit/s</span>`));
    expect(html).toContain('<code>read()</code>');
    expect(html).not.toContain('<code>model');
  });
});
