/** A generated file of the site that is not a rendered page (feeds, sitemap, robots.txt). */
export interface OutputFile {
  /** Site-relative path ("topics/iran/feed.xml"). */
  readonly path: string;
  /** The file's text. */
  readonly contents: string;
}
