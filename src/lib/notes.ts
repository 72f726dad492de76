/**
 * Notes on the constraints an NDA-covered driver puts on the work: their tag vocabulary,
 * statuses, URLs, and the backlink maps (message → notes, parameter → notes) that let
 * messages and model parameters link back to the notes resting on them. Pure.
 */
import { parseRef } from './passages.ts';

/** The tag vocabulary, in display order, with one line each for the tag pages. */
export const noteTags = {
  nda: 'What the non-disclosure agreement covered, and what it kept out of view.',
  driver: 'The Quadrics IP driver and the boundary between a driver and the kernel.',
  licensing: "How the kernel's licence treats drivers whose source cannot be shared.",
  measurement: 'How to measure a receive path, and what the numbers can and cannot show.',
  model: 'What the throughput model assumes, and where its ranges come from.',
  'receive-path': 'The Linux receive path from netif_rx() to read().',
  history: 'What happened in June and July 2002, and what never got an answer.',
  today: 'How the same question looks with the kernels and NICs of today.',
} as const;

/** One tag of the vocabulary; a tag is also its own URL segment. */
export type NoteTag = keyof typeof noteTags;

/** Every tag, in display order. */
export const noteTagList = Object.keys(noteTags) as NoteTag[];

/** Whether the sources answer the note's question, with the words the pages show. */
export const noteStatuses = {
  settled: { label: 'Settled', doc: 'The sources answer the question.' },
  open: { label: 'Open', doc: 'The sources leave the question unanswered.' },
  speculative: { label: 'Speculative', doc: 'Our reasoning from the sources, not a finding of them.' },
} as const;

/** A note's status. */
export type NoteStatus = keyof typeof noteStatuses;

/** Every status. */
export const noteStatusList = Object.keys(noteStatuses) as NoteStatus[];

/** What the helpers need of a note entry (a content-collection entry fits). */
export interface NoteLike {
  readonly id: string;
  readonly data: {
    readonly title: string;
    readonly tags: readonly string[];
    readonly messages: readonly string[];
    readonly params: readonly string[];
    readonly order: number;
  };
}

/** Notes in reading order: `order`, then id. */
export function sortNotes<T extends NoteLike>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** Tag → the notes carrying it (reading order), for every tag in use, in vocabulary order. */
export function notesByTag<T extends NoteLike>(notes: readonly T[]): Map<string, T[]> {
  const sorted = sortNotes(notes);
  const used = new Set(sorted.flatMap((n) => n.data.tags));
  const order = [...noteTagList, ...[...used].filter((t) => !(t in noteTags)).sort()];
  return new Map(order.filter((t) => used.has(t)).map((t) => [t, sorted.filter((n) => n.data.tags.includes(t))]));
}

/** One note resting on a message: which of its paragraphs, and whether on the message as a whole. */
export interface MessageBacklink<T> {
  note: T;
  /** Paragraph numbers the note cites, ascending, no repeats. */
  paragraphs: number[];
  /** The note cites the message without naming a paragraph. */
  whole: boolean;
}

/**
 * Message-ID → the notes citing it (reading order), with the cited paragraphs. `land` says
 * which paragraphs a reference lands on now (anchors follow the words: src/lib/anchors.ts),
 * or null when its words are gone from this version; by default the number it names.
 */
export function messageBacklinks<T extends NoteLike>(
  notes: readonly T[],
  land: (ref: string) => number[] | null = (ref) => {
    const { paragraph } = parseRef(ref);
    return paragraph === null ? [] : [paragraph];
  },
): Map<string, MessageBacklink<T>[]> {
  const out = new Map<string, MessageBacklink<T>[]>();
  for (const note of sortNotes(notes)) {
    const mine = new Map<string, MessageBacklink<T>>();
    for (const ref of note.data.messages) {
      const { messageId } = parseRef(ref);
      const landed = land(ref);
      let link = mine.get(messageId);
      if (!link) {
        link = { note, paragraphs: [], whole: false };
        mine.set(messageId, link);
        out.set(messageId, [...(out.get(messageId) ?? []), link]);
      }
      if (landed === null || landed.length === 0) link.whole = true;
      for (const p of landed ?? []) if (!link.paragraphs.includes(p)) link.paragraphs.push(p);
    }
    for (const link of mine.values()) link.paragraphs.sort((a, b) => a - b);
  }
  return out;
}

/** Parameter key → the notes resting on it (reading order). */
export function paramBacklinks<T extends NoteLike>(notes: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const note of sortNotes(notes)) {
    for (const key of new Set(note.data.params)) out.set(key, [...(out.get(key) ?? []), note]);
  }
  return out;
}
