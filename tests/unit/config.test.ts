import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/lib/paginate.ts';

describe('readConfig', () => {
  it('gives the defaults for unset or empty variables', () => {
    const defaults = {
      base: '/',
      site: 'http://localhost:4321',
      outDir: 'dist',
      messagesDir: 'src/content/messages',
      indexPageSize: DEFAULT_PAGE_SIZE,
    };
    expect(readConfig({})).toEqual(defaults);
    expect(readConfig({ BASE: '', SITE: '', OUT_DIR: '', MESSAGES_DIR: '', INDEX_PAGE_SIZE: '' })).toEqual(defaults);
  });

  it('reads each variable', () => {
    expect(
      readConfig({
        BASE: '/sub/',
        SITE: 'https://example.net',
        OUT_DIR: '.tmp/x/dist',
        MESSAGES_DIR: '.tmp/x/messages',
        INDEX_PAGE_SIZE: '12',
      }),
    ).toEqual({ base: '/sub/', site: 'https://example.net', outDir: '.tmp/x/dist', messagesDir: '.tmp/x/messages', indexPageSize: 12 });
  });

  it('stops on a value it cannot use, naming the variable', () => {
    for (const BASE of ['sub/', '/sub', 'sub']) expect(() => readConfig({ BASE })).toThrow(/^BASE=.*start and end with '\/'/);
    for (const SITE of ['localhost:4321', 'example.net', 'ftp://example.net', '/'])
      expect(() => readConfig({ SITE })).toThrow(/^SITE=.*absolute http\(s\) URL/);
    for (const INDEX_PAGE_SIZE of ['0', '-3', '2.5', 'abc', '012', ' 12'])
      expect(() => readConfig({ INDEX_PAGE_SIZE })).toThrow(/^INDEX_PAGE_SIZE=.*whole number/);
  });
});
