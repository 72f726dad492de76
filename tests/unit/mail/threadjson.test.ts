import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/mail/archive.ts';
import { threadJson } from '../../../src/lib/mail/threadjson.ts';
import { mail } from '../../support/records.ts';

describe('threadJson', () => {
  it('lists the real messages in tree order and the ids the archive lacks under missing', () => {
    const archive = buildArchive([
      mail('one.1@host.example.org', { references: ['gone.0@host.example.org'], body: 'First reply, no quotes.\n' }),
      mail('two.2@host.example.org', {
        date: '2002-06-28T10:00:00+00:00',
        inReplyTo: 'one.1@host.example.org',
        references: ['gone.0@host.example.org', 'one.1@host.example.org'],
        body: 'Second reply.\n',
      }),
    ]);
    const [thread] = archive.threads;
    if (!thread) throw new Error('one thread expected');
    const json = threadJson(thread, archive, (slug) => `/m/${slug}/`);
    expect(json.id).toBe('gone.0@host.example.org');
    expect(json.missing).toEqual(['gone.0@host.example.org']);
    expect(json.messages.map((m) => [m.messageId, m.parent, m.link])).toEqual([
      ['one.1@host.example.org', 'gone.0@host.example.org', 'header'],
      ['two.2@host.example.org', 'one.1@host.example.org', 'header'],
    ]);
    expect(json.messages[0]?.url).toBe(`/m/${archive.messages.get('one.1@host.example.org')?.slug}/`);
  });
});
