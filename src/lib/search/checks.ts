/**
 * The checks Pagefind cannot make, run on each result's data: exact phrases, words of the
 * subject (`s:`), and whether a term was hit in quoted text (`q:`) or outside it (`nq:`),
 * told apart by the weight the index gave the word. Pure.
 */
import type { PostChecks } from './plan.ts';
import { isQuoted, normalize, wordMatches, wordsOf, type ResultData } from './result.ts';

/** `needle` occurs in `hay` as whole words (both already normalized). */
function containsWords(hay: string, needle: string): boolean {
  return needle !== '' && ` ${hay} `.includes(` ${needle} `);
}

/** Every word of `value` starts a word of `title`, in order (s:zero-copy matches "zero-copy"). */
function inTitle(title: string, value: string): boolean {
  const t = ` ${normalize(title)}`;
  const v = normalize(value);
  return v !== '' && t.includes(` ${v}`);
}

/** True when some hit of `term` lies in text of the wanted kind (quoted or not). */
function hitIn(data: ResultData, words: string[], term: string, quoted: boolean): boolean {
  return normalize(term)
    .split(' ')
    .filter((t) => t !== '')
    .every((t) => data.weighted_locations.some((l) => isQuoted(l) === quoted && wordMatches(words[l.location] ?? '', t)));
}

/** True when a result passes every check of the query. */
export function passes(post: PostChecks, data: ResultData): boolean {
  const content = normalize(data.content);
  if (!post.phrases.every((p) => containsWords(content, normalize(p)))) return false;
  if (post.excluded.some((x) => containsWords(content, normalize(x)))) return false;
  const title = data.meta['title'] ?? '';
  if (!post.subjects.every((s) => inTitle(title, s))) return false;
  if (post.quoted.length + post.unquoted.length === 0) return true;
  const words = wordsOf(data.content);
  return post.quoted.every((t) => hitIn(data, words, t, true)) && post.unquoted.every((t) => hitIn(data, words, t, false));
}
