/**
 * The live figures' fast path: a slider step patches the chart on screen (morph) instead of
 * replacing it, and the model's rate-only functions stand in for full results in sweeps and
 * bands. Both must give exactly what the slow path gives.
 */
import { blankDocument } from '../../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { figureIds, figures, renderFigure } from '../../../src/lib/charts/index.ts';
import { morph } from '../../../src/lib/charts/morph.ts';
import type { FigureContext, FigureId, FigureSize, Theme } from '../../../src/lib/charts/types.ts';
import {
  band,
  bandAlong,
  clamp,
  params,
  presetById,
  presets,
  presetValues,
  type ParamKey,
  type Values,
} from '../../../src/lib/model/index.ts';
import { receiveMBps, receiveSide, sendMBps, sendSide } from '../../../src/lib/model/throughput.ts';

interface State {
  values: Values;
  context?: FigureContext | undefined;
  size?: FigureSize;
  theme?: Theme;
}

const SIZE = { width: 720, height: 400 };
const UNKNOWN = params.filter((p) => p.unknown !== undefined).map((p) => p.key);

function doc(): Document {
  return blankDocument();
}

const draw = (document: Document, figure: FigureId, s: State): SVGSVGElement =>
  renderFigure(figures[figure], s.values, s.size ?? SIZE, s.theme ?? 'light', document, s.context);

/** Markup with each element's attributes sorted (their order is all a patch may change). */
function canonical(node: Node): string {
  if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const attrs = el
    .getAttributeNames()
    .sort()
    .map((n) => ` ${n}="${el.getAttribute(n)}"`)
    .join('');
  return `<${el.localName}${attrs}>${[...el.childNodes].map(canonical).join('')}</${el.localName}>`;
}

const quadrics = presetById('quadrics-2002')!;
const start: State = { values: presetValues(quadrics), context: { bandKeys: quadrics.bandKeys } };
const at = (patch: Partial<Values>, rest: Omit<State, 'values'> = { context: start.context }): State => ({
  values: { ...start.values, ...patch },
  ...rest,
});

/**
 * A reader's session: slider steps that only move data, then changes of structure (modes
 * that add or drop marks, bands switched off and on, segment sizes that move the labels,
 * a narrow column, the dark theme), then every preset in turn.
 */
const session: State[] = [
  start,
  ...[240, 245, 251, 257, 263, 300, 350].map((rxCopyMBps) =>
    at({ rxCopyMBps }, { context: { bandKeys: quadrics.bandKeys.filter((k) => k !== 'rxCopyMBps') } }),
  ),
  at({ rxMode: 'remap' }),
  at({ rxMode: 'remap', mss: 8192 }),
  at({ rxMode: 'direct', mss: 256 }),
  at({ rxMode: 'direct', mss: 65536 }),
  at({ txMode: 'sendfile', txCsum: 'offload' }, { context: { bandKeys: [] } }),
  at({ txMode: 'sendfile', txCsum: 'offload' }, { context: { bandKeys: UNKNOWN } }),
  at({ rxCores: 2 }, { context: undefined }),
  at({ linkGbps: 1 }, { context: start.context, size: { width: 360, height: 240 } }),
  at({ linkGbps: 1 }, { context: start.context, theme: 'dark' }),
  ...presets.map((p) => ({ values: presetValues(p), context: { bandKeys: p.bandKeys } })),
  start,
];

describe('a figure patched in place looks exactly like one drawn afresh', () => {
  for (const figure of figureIds) {
    it(`${figure}, through a reader's session`, () => {
      const document = doc();
      const chart = document.createElement('div');
      document.body.append(chart);
      chart.append(draw(document, figure, session[0]!));
      for (const [i, s] of session.entries()) {
        const svg = chart.firstElementChild!;
        morph(svg, draw(document, figure, s));
        expect(chart.childNodes.length).toBe(1);
        expect(chart.firstElementChild, `state ${i}`).toBe(svg);
        expect(canonical(svg), `state ${i}`).toBe(canonical(draw(doc(), figure, s)));
      }
    });
  }

  it('keeps what a slider step does not move', () => {
    const document = doc();
    const svg = draw(document, 'throughput-vs-segment', session[1]!);
    const kept = [...svg.querySelectorAll('*')];
    morph(svg, draw(document, 'throughput-vs-segment', session[2]!));
    const after = [...svg.querySelectorAll('*')];
    // The same elements, only some of their attributes and text changed.
    expect(after).toEqual(kept);
    expect(after.every((el, i) => el === kept[i])).toBe(true);
  });

  it('replaces nodes of another kind and drops extra ones', () => {
    const document = doc();
    const to = document.createElement('g');
    to.innerHTML = '<rect x="1"></rect><text a="1" b="2">old</text><circle></circle><path></path>';
    const from = document.createElement('g');
    from.setAttribute('class', 'c');
    from.innerHTML = '<line y="2"></line><text b="3">new</text>';
    morph(to, from);
    expect(canonical(to)).toBe('<g class="c"><line y="2"></line><text b="3">new</text></g>');
  });
});

describe('the rate-only model functions match the full model', () => {
  const states: Values[] = [
    ...presets.map((p) => presetValues(p)),
    ...['copy', 'csum-copy', 'remap', 'direct'].flatMap((rxMode) =>
      [256, 1448, 4095, 4096, 12288, 65536].flatMap((mss) =>
        [1, 2].map(
          (rxCores) => clamp({ ...presetValues(quadrics), rxMode, mss, rxCores, rxCsum: mss > 4096 ? 'separate' : 'folded' }).values,
        ),
      ),
    ),
  ];

  it('sendMBps and receiveMBps equal the sides’ rates', () => {
    for (const v of states) {
      expect(sendMBps(v)).toBe(sendSide(v).mbps);
      expect(receiveMBps(v)).toBe(receiveSide(v).mbps);
    }
  });

  it('sendMBps and receiveMBps keep nothing from the state before (one plan is refilled per call)', () => {
    // Every ordered pair: a remap or direct state (pages mapped, no copy) right before a
    // copying one, a two-core state before a one-core one, receive before send.
    for (const a of states) {
      for (const b of states) {
        receiveMBps(a);
        expect(sendMBps(b)).toBe(sendSide(b).mbps);
        sendMBps(a);
        expect(receiveMBps(b)).toBe(receiveSide(b).mbps);
        receiveMBps(a);
        expect(receiveMBps(b)).toBe(receiveSide(b).mbps);
      }
    }
  });

  it('bandAlong equals band at each x', () => {
    const xs = [256, 1447, 1448, 4096, 4097, 8192, 65536];
    const keySets: (readonly ParamKey[] | undefined)[] = [undefined, UNKNOWN.filter((k) => k !== 'mss'), ['rxCopyMBps', 'memMBps'], []];
    for (const v of states.slice(0, 20)) {
      for (const keys of keySets) {
        expect(bandAlong(v, keys, 'mss', xs)).toEqual(xs.map((mss) => band({ ...v, mss }, keys)));
      }
    }
  });
});
