/**
 * Atom, RSS 2.0 and JSON Feed for the whole archive and for every topic, built with the `feed`
 * library (it writes the required elements of all three formats from one model). Feeds need
 * absolute URLs, so they exist only when the site URL is configured.
 */
import { Feed, type Item } from 'feed';
import { escapeUTF8 } from 'entities';
import { createHash } from 'node:crypto';
import type { Archive, Term } from '../archive/archive.ts';
import type { Article } from '../content/article.ts';
import { absoluteUrlFor, homeUrl, termUrl } from '../urls.ts';
import { originalOf } from '../archive/original-of.ts';
import type { OutputFile } from './output-file.ts';
import { relocateMediaUrls } from '../content/media-file.ts';
import { articleByPath, resolveArticleLinks } from '../content/article-links.ts';

/** Entries per feed: the newest dated articles. */
export const FEED_SIZE = 20;

/** The site-relative paths of one feed in its three formats. */
export interface FeedPaths {
  readonly atom: string;
  readonly rss: string;
  readonly json: string;
}

/** What a feed is about: its title, description and the page it mirrors. */
export interface FeedSubject {
  readonly title: string;
  readonly description: string;
  /** Site-relative URL of the page the feed follows; the feed files sit beside it. */
  readonly pageUrl: string;
  /** Article ids, newest first. */
  readonly articleIds: readonly string[];
}

/** The site settings feeds need; `siteUrl` must be set. */
export interface FeedSite {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly siteUrl: string;
}

/** Where a page's feed files live: "topics/iran/" → "topics/iran/feed.xml" and so on. */
export function feedPaths(pageUrl: string): FeedPaths {
  return { atom: `${pageUrl}feed.xml`, rss: `${pageUrl}rss.xml`, json: `${pageUrl}feed.json` };
}

/** The feed of the whole archive: the listed articles, each story once. */
export function archiveFeedSubject(archive: Archive, site: Pick<FeedSite, 'title' | 'description'>): FeedSubject {
  return { title: site.title, description: site.description, pageUrl: homeUrl(), articleIds: archive.listed };
}

/** The feed of one topic. */
export function topicFeedSubject(term: Term, siteTitle: string): FeedSubject {
  return { title: `${term.name} · ${siteTitle}`, description: `Articles about ${term.name}.`, pageUrl: termUrl('topics', term.slug), articleIds: term.articleIds };
}

/** Whether a feed has entries (see inFeed). */
export function hasFeed(articleIds: readonly string[], byId: ReadonlyMap<string, Article>): boolean {
  return articleIds.some((id) => inFeed(byId.get(id), byId));
}

/**
 * Whether an article can be a feed entry: an entry needs a date, so undated articles are left
 * out; so are near-copies, even where a topic lists one: a feed syndicates each story once, by
 * the original its canonical link names.
 */
function inFeed(article: Article | undefined, byId: ReadonlyMap<string, Article>): article is Article {
  return article?.date != null && originalOf(article, byId) === null;
}

/** The newest dated articles of a list, at most FEED_SIZE. */
function feedArticles(articleIds: readonly string[], byId: ReadonlyMap<string, Article>): Article[] {
  const picked: Article[] = [];
  for (const id of articleIds) {
    const article = byId.get(id);
    if (!inFeed(article, byId)) continue;
    picked.push(article);
    if (picked.length === FEED_SIZE) break;
  }
  // Lists are newest first already; sort again so a feed never depends on its caller's order.
  return picked.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

/** The three files of one feed, or none when it would have no entries. */
export function feedFiles(subject: FeedSubject, byId: ReadonlyMap<string, Article>, site: FeedSite): OutputFile[] {
  const articles = feedArticles(subject.articleIds, byId);
  const newest = articles[0];
  if (newest === undefined) return [];
  const paths = feedPaths(subject.pageUrl);
  const abs = (url: string): string => absoluteUrlFor(site.siteUrl, url);
  const options = {
    id: abs(subject.pageUrl),
    link: abs(subject.pageUrl),
    title: xmlText(subject.title),
    description: xmlText(subject.description),
    language: site.language,
    // The newest entry's date, never the build time, so two builds of the same input are identical.
    updated: dateOf(newest),
    generator: 'Broadsheet',
    author: { name: xmlText(site.title) },
    feedLinks: { atom: abs(paths.atom), rss: abs(paths.rss), json: abs(paths.json) },
  };
  // Atom and RSS text elements hold HTML inside CDATA: plain text is escaped and kept well-formed.
  const atom = new Feed(options);
  const rss = new Feed(options);
  const json = new Feed({ ...options, title: subject.title, description: subject.description, author: { name: site.title } });
  for (const article of articles) {
    const link = abs(article.url);
    // Read back from the article cache once for both items (each read of bodyHtml reads the cache again).
    // Its media files by their full URLs: readers resolve a relative URL each its own way (against the feed, the entry, or not at all).
    const body = relocateMediaUrls(resolveArticleLinks(article.bodyHtml, (file) => linkedUrl(file, byId, abs)), site.siteUrl);
    const xmlItem = feedItem(article, body, link, htmlText, xmlText);
    atom.addItem(xmlItem);
    // RSS wants an e-mail address in <author>; names go only into Atom and JSON Feed.
    const { author: _author, ...rssItem } = xmlItem;
    rss.addItem(rssItem);
    json.addItem(feedItem(article, body, link, (s) => s, (s) => s));
  }
  return [
    { path: paths.atom, contents: `${atom.atom1()}\n` },
    { path: paths.rss, contents: `${rss.rss2()}\n` },
    { path: paths.json, contents: `${json.json1()}\n` },
  ];
}

/** What the site's feeds are about: the whole archive, then each topic. */
export function* siteFeedSubjects(archive: Archive, site: Pick<FeedSite, 'title' | 'description'>): Generator<FeedSubject> {
  yield archiveFeedSubject(archive, site);
  for (const term of archive.terms.topics) yield topicFeedSubject(term, site.title);
}

/**
 * A fingerprint of everything one feed's three files are made from: the subject, the site, and
 * each entry's fields with its input's hash standing for its body (the same input under the same
 * code gives the same body), under `salt` (the code and config). Equal keys, equal files; made
 * without reading a body, so a rebuild reads back only the bodies of feeds whose entries changed.
 */
export function feedKey(subject: FeedSubject, byId: ReadonlyMap<string, Article>, site: FeedSite, salt: string): string {
  const hash = createHash('sha256').update(`broadsheet-feed-2\0${salt}\0`);
  hash.update(JSON.stringify([site.title, site.description, site.language, site.siteUrl, subject.title, subject.description, subject.pageUrl]));
  for (const a of feedArticles(subject.articleIds, byId)) {
    // The body is the input's bytes read as its kind (a seed's and a Markdown file's HTML differ): both name it.
    hash.update('\0').update(JSON.stringify([a.id, a.url, a.title, a.date, a.summary, a.byline, a.source, a.topics, a.contentHash, a.inputKind, a.sourceFile]));
    // The body's links to other articles are made from their URLs.
    for (const [file] of a.links ?? []) hash.update(`\0link:${file}:${linkedUrl(file, byId, (url) => url) ?? '-'}`);
  }
  return hash.digest('hex');
}

/** The URL (made by `abs`) of the article of content/`file` a body links to, or null when the site has none there. */
function linkedUrl(file: string, byId: ReadonlyMap<string, Article>, abs: (url: string) => string): string | null {
  const target = articleByPath(byId).get(file);
  return target === undefined ? null : abs(target.url);
}

/** One entry with `body` as its HTML; `text` turns plain text into the format's text, `markup` does the same for HTML. */
function feedItem(article: Article, body: string, link: string, text: (s: string) => string, markup: (s: string) => string): Item {
  const author = article.byline ?? article.source;
  return {
    title: text(article.title),
    id: link,
    link,
    date: dateOf(article),
    published: dateOf(article),
    description: text(article.summary),
    content: markup(body),
    ...(author === null ? {} : { author: [{ name: xmlText(author) }] }),
    // The library puts category names in XML attributes and escapes only & and ": drop < and >.
    category: article.topics.map((t) => ({ name: xmlText(t).replace(/[<>]/g, ''), term: xmlText(t).replace(/[<>]/g, '') })),
  };
}

function dateOf(article: Article): Date {
  return new Date(`${article.date ?? '1970-01-01'}T00:00:00Z`);
}

/** Plain text as HTML, for the formats whose text elements hold HTML. */
function htmlText(text: string): string {
  return xmlText(escapeUTF8(text));
}

/**
 * Text that stays well-formed XML: control characters XML 1.0 forbids are dropped, and "]]>"
 * is split because the library puts titles and content in CDATA sections.
 */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/]]>/g, ']]&gt;');
}
