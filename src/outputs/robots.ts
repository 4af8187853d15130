/** robots.txt: everything may be crawled; the sitemap is named when the site URL is known. */
import { absoluteUrlFor } from '../urls.ts';
import { SITEMAP_FILE } from './sitemap.ts';

/** The text of robots.txt; crawlers need an absolute sitemap URL, so without one it is left out. */
export function robotsTxt(siteUrl: string | null): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (siteUrl !== null) lines.push('', `Sitemap: ${absoluteUrlFor(siteUrl, SITEMAP_FILE)}`);
  return `${lines.join('\n')}\n`;
}
