/** Finding the input files: `**\/*.txt` under seeds/, `**\/*.md` under content/. */
import fg from 'fast-glob';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InputKind } from './article.ts';
import { compareCodePoints } from '../text/compare.ts';
import { outputIgnore } from '../write/output-ignore.ts';
import { realPathOf } from '../real-path.ts';
import { isMediaFile } from './media-file.ts';

/** One input file, located but not yet read. */
export interface InputFile {
  /** Which input folder it is in. */
  readonly kind: InputKind;
  /** Absolute path on disk. */
  readonly absolutePath: string;
  /** Path relative to its input folder, forward slashes ("world/a.txt"); becomes `sourceFile`. */
  readonly relativePath: string;
  /** Path shown in messages: the input folder's name plus the relative path ("seeds/world/a.txt"). */
  readonly displayPath: string;
  /** For a seed: the absolute path of its override file ("a.yml" beside "a.txt"), if there is one. */
  readonly overridePath: string | null;
}

/** A media file in content/ (see media-file.ts), copied into the site. */
export interface MediaInput {
  readonly absolutePath: string;
  /** Path relative to content/, forward slashes ("2019/photo.jpg"). */
  readonly relativePath: string;
}

/** What discovery found: the inputs, plus files in the input folders that are not articles. */
export interface DiscoveredInputs {
  /** Article inputs, seeds first, each group sorted by path. */
  readonly inputs: readonly InputFile[];
  /** Media files in content/, sorted by path. */
  readonly media: readonly MediaInput[];
  /** Display paths of other files found (neither article nor override), with the reason. */
  readonly ignored: ReadonlyArray<{ readonly displayPath: string; readonly reason: string }>;
}

/** What JavaScript's `.` does not match, so neither does a glob's `*`: fast-glob skips a folder named with one. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Override files for seeds: "name.yml" or "name.yaml" beside "name.txt". */
export const OVERRIDE_EXTENSIONS = ['.yml', '.yaml'] as const;

/** Lists the article inputs of both folders, never looking inside the output folder `outDir`; a missing folder simply has none. */
export async function discoverInputs(seedsDir: string, contentDir: string, outDir?: string): Promise<DiscoveredInputs> {
  const ignored: Array<{ displayPath: string; reason: string }> = [];
  const seedLabel = path.basename(seedsDir);
  const contentLabel = path.basename(contentDir);
  const seedFiles = await listFiles(seedsDir, seedLabel, ignored, outDir);
  const contentFiles = await listFiles(contentDir, contentLabel, ignored, outDir);

  const overrides = new Set(seedFiles.filter((f) => OVERRIDE_EXTENSIONS.some((e) => f.endsWith(e))));
  const usedOverrides = new Set<string>();
  const inputs: InputFile[] = [];
  for (const rel of seedFiles) {
    if (rel.endsWith('.txt')) {
      const stem = rel.slice(0, -'.txt'.length);
      const override = OVERRIDE_EXTENSIONS.map((e) => stem + e).find((o) => overrides.has(o)) ?? null;
      if (override !== null) usedOverrides.add(override);
      inputs.push(makeInput('seed', seedsDir, seedLabel, rel, override === null ? null : path.join(seedsDir, override)));
    } else if (!overrides.has(rel)) {
      ignored.push({ displayPath: `${seedLabel}/${rel}`, reason: 'not an article: seeds/ holds .txt files (and .yml overrides beside them)' });
    }
  }
  for (const rel of overrides) {
    if (!usedOverrides.has(rel)) {
      ignored.push({ displayPath: `${seedLabel}/${rel}`, reason: 'override file with no .txt seed of the same name beside it' });
    }
  }
  const media: MediaInput[] = [];
  for (const rel of contentFiles) {
    if (rel.endsWith('.md')) inputs.push(makeInput('content', contentDir, contentLabel, rel, null));
    else if (isMediaFile(rel)) media.push({ absolutePath: path.join(contentDir, rel), relativePath: rel });
    else ignored.push({ displayPath: `${contentLabel}/${rel}`, reason: notCopied(rel) });
  }
  ignored.sort((a, b) => compareCodePoints(a.displayPath, b.displayPath));
  return { inputs, media, ignored };
}

/**
 * The files under `dir`, relative to it. `walked` holds the real paths of the folders walked so
 * far (the input folder and the folders linked into it).
 */
async function listFiles(dir: string, label: string, ignored: Array<{ displayPath: string; reason: string }>, outDir: string | undefined, walked: Set<string> = new Set([realPathOf(dir)])): Promise<string[]> {
  // Dot files (.DS_Store, .gitkeep) are never content, as in every static site generator.
  const entries = await fg('**/*', { cwd: dir, onlyFiles: false, objectMode: true, dot: false, followSymbolicLinks: false, suppressErrors: true, ignore: outputIgnore(dir, outDir) });
  const files: string[] = [];
  for (const entry of entries) {
    const displayPath = `${label}/${entry.path}`;
    const linkedFolder = entry.dirent.isSymbolicLink() ? linkedFolderOf(path.join(dir, entry.path)) : null;
    // Names are read as UTF-8: a byte that is not (a name saved in Latin-1, say) becomes U+FFFD, and the file is not found by that name.
    if (entry.path.includes('\uFFFD') && !existsSync(path.join(dir, entry.path))) {
      ignored.push({ displayPath, reason: 'cannot read it: its name is not valid UTF-8 (written in another encoding, such as Latin-1); rename the file' });
    }
    // A link to a folder (seeds/2019 -> /archive/2019) is walked, once: fast-glob's own following walks a loop until the path is too long.
    else if (linkedFolder !== null) {
      const overlapping = [...walked].some((seen) => linkedFolder === seen || linkedFolder.startsWith(seen + path.sep) || seen.startsWith(linkedFolder + path.sep));
      if (overlapping) ignored.push({ displayPath, reason: 'not read: a link to a folder that is read already, or holds one (a loop, or a second way to the same articles)' });
      else {
        walked.add(linkedFolder);
        for (const file of await listFiles(path.join(dir, entry.path), displayPath, ignored, outDir, walked)) files.push(`${entry.path}/${file}`);
      }
    }
    // Other links are listed as files: reading one follows it, and a dangling one is reported as unreadable.
    else if (entry.dirent.isFile() || entry.dirent.isSymbolicLink()) files.push(entry.path);
    else if (entry.dirent.isDirectory()) {
      // Never drop an input silently: a folder named like an article is most likely a mistake,
      // and fast-glob lists a folder with a line break in its name but never looks inside it.
      if (LINE_BREAK.test(entry.name)) ignored.push({ displayPath, reason: 'cannot read the files in it: its name holds a line break, and the search for input files does not look inside such a folder; rename it' });
      else if (/\.(txt|md)$/.test(entry.path)) ignored.push({ displayPath, reason: 'cannot read it as an article: it is a folder, not a file (files inside it are read on their own)' });
    } else ignored.push({ displayPath, reason: 'cannot read it as an article: it is not a regular file but a named pipe, socket or device' });
  }
  return files.sort(compareCodePoints);
}

/** Why a file in content/ that is neither an article nor a media file is not in the site. */
function notCopied(relativePath: string): string {
  if (relativePath.toLowerCase().endsWith('.svg')) return 'not copied into the site: an SVG file can run scripts when opened from the site; save it as PNG or WebP';
  return 'not an article: content/ holds .md files, and the images, audio, video and PDF files they show (.jpg, .png, .webp, .pdf, .mp3, .mp4...)';
}

/** Where a symbolic link leads, when that is a folder; else (a file, a dangling link) null. */
function linkedFolderOf(link: string): string | null {
  try {
    return statSync(link).isDirectory() ? realPathOf(link) : null;
  } catch {
    return null;
  }
}

function makeInput(kind: InputKind, dir: string, label: string, rel: string, overridePath: string | null): InputFile {
  return { kind, absolutePath: path.join(dir, rel), relativePath: rel, displayPath: `${label}/${rel}`, overridePath };
}
