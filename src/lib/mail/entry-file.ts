/**
 * The text of a message entry file: `---`, YAML frontmatter with its keys in the schema's
 * order (schema.ts), `---`, then the body verbatim. Pure; the store (node/store.ts) reads and
 * writes the files.
 */
import { parse, stringify } from 'yaml';
import { type MessageData, messageDataSchema } from './schema.ts';

/**
 * Frontmatter keys in the order they are written: the order the schema declares them in, so
 * a key added to the schema is written in its place. Keys the schema does not know follow in
 * their own order.
 */
export const KEY_ORDER = Object.keys(messageDataSchema.shape) as readonly (keyof MessageData)[];

/** An entry's text taken apart. */
export interface EntryText {
  data: MessageData;
  body: string;
  /** Frontmatter keys the schema does not know, kept as written. */
  extra: Record<string, unknown>;
}

/**
 * Entry text: `---`, YAML with every string double-quoted (JSON style, so a date never
 * turns into a timestamp and no line is folded), `---`, then the body unchanged.
 */
export function serializeEntry(data: MessageData, body: string, extra: Record<string, unknown> = {}): string {
  const ordered: Record<string, unknown> = {};
  const fields: Record<string, unknown> = { ...data };
  for (const key of KEY_ORDER) if (fields[key] !== undefined) ordered[key] = fields[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && !(key in ordered) && !(KEY_ORDER as readonly string[]).includes(key)) ordered[key] = value;
  }
  const yaml = stringify(ordered, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    doubleQuotedAsJSON: true,
    lineWidth: 0,
  });
  return `---\n${yaml}---\n${body}`;
}

/** Keys YAML would read as something other than their text (null, booleans). */
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** A double-quoted scalar on one line, read as JSON; undefined when JSON cannot read it. */
function quoted(raw: string): string | undefined {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The frontmatter {@link serializeEntry} writes, read without a YAML parser: `key: "…"`,
 * `key: null`, `key: []`, or `key:` then `  - "…"` lines. JSON and YAML read such one-line
 * double-quoted scalars alike. Anything else (hand-written entries, nested maps, numbers)
 * gives undefined and is left to the YAML parser; reading ten thousand entries this way
 * takes a tenth of the time.
 */
export function readOwnFrontmatter(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let list: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('  - ')) {
      const item = list && quoted(line.slice(4));
      if (item === undefined) return undefined;
      list?.push(item);
      continue;
    }
    if (list?.length === 0) return undefined; // `key:` with nothing under it is null in YAML
    list = undefined;
    const m = /^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/.exec(line);
    const key = m?.[1];
    if (!m || key === undefined || SPECIAL_KEY.test(key) || Object.hasOwn(out, key)) return undefined;
    const raw = m[2];
    if (raw === undefined) {
      list = [];
      out[key] = list;
    } else if (raw === 'null') out[key] = null;
    else if (raw === '[]') out[key] = [];
    else {
      const value = quoted(raw);
      if (value === undefined) return undefined;
      out[key] = value;
    }
  }
  return list?.length === 0 ? undefined : out;
}

/** Splits entry text into frontmatter data, unknown keys and body. Throws on malformed text. */
export function parseEntry(text: string): EntryText {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) throw new Error('no frontmatter');
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) throw new Error('unterminated frontmatter');
  const yaml = rest.slice(0, end.index);
  const parsed: unknown = readOwnFrontmatter(yaml) ?? parse(yaml);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { messageId?: unknown }).messageId !== 'string') {
    throw new Error('frontmatter has no messageId');
  }
  const known: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if ((KEY_ORDER as readonly string[]).includes(key)) known[key] = value;
    else extra[key] = value;
  }
  const data = known as unknown as MessageData;
  return {
    data: { ...data, aliases: Array.isArray(data.aliases) ? data.aliases : [] },
    body: rest.slice(end.index + end[0].length),
    extra,
  };
}
