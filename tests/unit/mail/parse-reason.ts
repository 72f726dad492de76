// Shared by the parse tests: why parseMessage refused some bytes.
import { expect } from 'vitest';
import { ParseError, parseMessage } from '../../../src/lib/mail/parse.ts';

/** The message of the ParseError that `raw` (read as an .eml) is refused with; fails if it is accepted. */
export async function reason(raw: Uint8Array): Promise<string> {
  const error: unknown = await parseMessage(raw, 'eml').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return (error as ParseError).message;
}
