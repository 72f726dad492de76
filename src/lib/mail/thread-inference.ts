/**
 * Inferred parents, for messages whose headers name none: a summary's or reconstruction's
 * hint, a free-text In-Reply-To naming author and date, the messages whose text it quotes,
 * and the authors its attribution lines credit ("Andi Kleen wrote:"), best first. A named
 * date matches within two minutes; a quoted or credited message must be dated before the one
 * it would parent, or be undated.
 */
import { credits, isThreadableId, nameTokens, normaliseInReplyTo, parseMailDate, personKey } from './headers.ts';
import { type Dated, type Entry, firstFrom, isDated, push } from './thread-tree.ts';
import type { LinkKind } from './types.ts';

/** A candidate parent, and why. */
interface Link {
  id: string;
  kind: LinkKind;
  reason: string | undefined;
}

/** How far apart a named date and a message's Date may be. */
const TOLERANCE_MS = 2 * 60_000;
const HINT_REASON: Record<LinkKind, string> = {
  header: 'headers recorded in a summary',
  inferred: 'asserted by a summary',
  reconstructed: 'asserted by a reconstruction',
};

/** Candidate parents from hints, prose, quotes and attributions, best first, for one message. */
export function inference(entries: Entry[], byId: Map<string, Entry>): (e: Entry) => Generator<Link> {
  const byPerson = new Map<string, Dated[]>();
  const byWord = new Map<string, Dated[]>();
  const bySubjectWord = new Map<string, Dated[]>();
  for (const e of entries) {
    if (!isDated(e)) continue;
    push(byPerson, personKey(e.msg.author), e);
    for (const w of new Set(nameTokens(e.msg.author))) {
      push(byWord, w, e);
      push(bySubjectWord, `${e.subject}\n${w}`, e);
    }
  }
  /** Messages in `list` dated within the tolerance of `t`, closest first. */
  const near = (list: Dated[] | undefined, t: number): Dated[] => {
    const out: Dated[] = [];
    for (let i = firstFrom(list ?? [], t - TOLERANCE_MS); list && i < list.length; i++) {
      const e = list[i];
      if (!e || e.time > t + TOLERANCE_MS) break;
      out.push(e);
    }
    return out.sort((a, b) => Math.abs(a.time - t) - Math.abs(b.time - t));
  };
  const before = (a: Entry, b: Entry): boolean => a.time === null || b.time === null || a.time < b.time;

  return function* candidates(e: Entry): Generator<Link> {
    const { msg } = e;
    if (msg.parentHint) yield { ...msg.parentHint, reason: HINT_REASON[msg.parentHint.kind] };
    const named = msg.inReplyTo !== null && isThreadableId(msg.inReplyTo) ? null : normaliseInReplyTo(msg.inReplyToRaw).named;
    const at = parseMailDate(named?.date);
    if (named && at !== null) {
      const hit = near(byPerson.get(personKey(named.who)), at).find((c) => c !== e);
      if (hit) yield { id: hit.id, kind: 'inferred', reason: 'In-Reply-To names author and date' };
    }
    for (const q of msg.quotes ?? []) {
      const source = byId.get(q);
      if (source && source !== e && before(source, e)) yield { id: q, kind: 'inferred', reason: 'quotes its text' };
    }
    for (const a of msg.attributions ?? []) {
      const word = nameTokens(a.who)[0];
      if (word === undefined) continue;
      const reason = `attribution names ${a.who}`;
      const fits = (c: Entry): boolean => c !== e && before(c, e) && credits(a.who, c.msg.author);
      const when = parseMailDate(a.date);
      const dated = when === null ? undefined : near(byWord.get(word), when).find(fits);
      if (dated) yield { id: dated.id, kind: 'inferred', reason };
      const list = bySubjectWord.get(`${e.subject}\n${word}`) ?? [];
      for (let i = (e.time === null ? list.length : firstFrom(list, e.time)) - 1; i >= 0; i--) {
        const c = list[i];
        if (c && fits(c)) {
          yield { id: c.id, kind: 'inferred', reason };
          break;
        }
      }
    }
  };
}
