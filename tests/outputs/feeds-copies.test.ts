/** Feeds syndicate each story once: a near-copy is never an entry, not even in a topic only it has. */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.ts';
import { feedFiles, hasFeed, siteFeedSubjects } from '../../src/outputs/feeds.ts';
import { COPY, ORIGINAL, WITH_COPY } from '../archive/wire-copies.ts';

const SITE = { title: 'Clippings', description: 'Wire stories', language: 'en', siteUrl: 'https://example.org/news/' };
const archive = buildArchive(WITH_COPY, new Map());
const files = new Map([...siteFeedSubjects(archive, SITE)].flatMap((subject) => feedFiles(subject, archive.byId, SITE)).map((f) => [f.path, f.contents]));
const entryUrls = (path: string): string[] => (JSON.parse(files.get(path) ?? '{"items":[]}') as { items: Array<{ url: string }> }).items.map((i) => i.url);

describe('feeds with a near-copy', () => {
  it('list the original, never the copy, in the site feed and its topics’ feeds', () => {
    for (const feed of ['feed.json', 'topics/economy/feed.json', 'topics/china/feed.json']) {
      expect(entryUrls(feed), feed).toContain(`${SITE.siteUrl}${ORIGINAL.url}`);
      expect(entryUrls(feed), feed).not.toContain(`${SITE.siteUrl}${COPY.url}`);
    }
    for (const [path, contents] of files) expect(contents, path).not.toContain(COPY.url);
  });

  it('make no feed, and announce none, for a topic whose only article is a copy', () => {
    expect(archive.terms.topics.find((t) => t.slug === 'asia')?.articleIds).toEqual([COPY.id]);
    expect([...files.keys()].filter((p) => p.startsWith('topics/asia/'))).toEqual([]);
    expect(hasFeed([COPY.id], archive.byId)).toBe(false);
    expect(hasFeed([COPY.id, ORIGINAL.id], archive.byId)).toBe(true);
  });
});
