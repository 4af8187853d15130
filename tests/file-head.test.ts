/** A leading field read from the start of a file: what the manifests' and Pagefind fragments' first fields are read with. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadingJsonString, readHeadSync } from '../src/file-head.ts';

describe('leadingJsonString', () => {
  it('reads the first member when it is the field asked for, escapes and all', () => {
    expect(leadingJsonString('{"url":"/articles/a \\"b\\"/","content":"…', 'url')).toBe('/articles/a "b"/');
    expect(leadingJsonString(JSON.stringify({ outDir: '/tmp/site', files: {} }), 'outDir')).toBe('/tmp/site');
  });

  it('answers null for another first member, another type, or a string cut off', () => {
    expect(leadingJsonString('{"content":"x","url":"/a/"}', 'url')).toBeNull();
    expect(leadingJsonString('{"url":3}', 'url')).toBeNull();
    expect(leadingJsonString('{"url":"/articles/cut-of', 'url')).toBeNull();
    expect(leadingJsonString(' {"url":"/a/"}', 'url')).toBeNull();
  });
});

describe('readHeadSync', () => {
  it('reads at most the bytes asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-head-'));
    try {
      await writeFile(path.join(dir, 'f'), 'abcdef');
      expect(readHeadSync(path.join(dir, 'f'), 4).toString()).toBe('abcd');
      expect(readHeadSync(path.join(dir, 'f'), 100).toString()).toBe('abcdef');
      expect(() => readHeadSync(path.join(dir, 'missing'), 4)).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
