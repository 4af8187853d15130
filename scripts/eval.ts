/**
 * `npm run eval [-- CORPUS_DIR]`: scores parsing and enrichment on a corpus whose folders are desk
 * labels (default ../shared/corpora/bbc): top-subject accuracy against the desk, NMI and purity of
 * the grouping by top subject, titles equal to the headline line, and parse + enrich speed (the
 * median first pass of three fresh processes).
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { decodeHTMLStrict } from 'entities';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverInputs } from '../src/content/input-file.ts';
import { parseInput } from '../src/content/load-article.ts';
import type { ParsedArticle } from '../src/content/parsed-article.ts';
import { enrichArticle } from '../src/enrich/enrich-article.ts';
import { defaultEnrichResources } from '../src/enrich/enrich-resources.ts';
import { relateArticles } from '../src/enrich/relate-articles.ts';

/** The IPTC subject each desk's articles should get first. */
const DESK_SUBJECTS: Readonly<Record<string, string>> = {
  business: 'economy-business-finance',
  entertainment: 'arts-culture-entertainment-media',
  politics: 'politics',
  sport: 'sport',
  tech: 'science-technology',
};

const GOALS = { accuracy: 0.9, nmi: 0.8, titleMatch: 0.99, perCore: 2000 };

/** Fresh processes timing the first pass in all (this one included): one first pass is noisy on a shared machine, so the median is scored. */
const SPEED_RUNS = 3;
/** Set in the extra processes: time one first pass, print its CPU seconds as JSON, stop. */
const SPEED_ONLY = process.env['BROADSHEET_EVAL_SPEED_ONLY'] === '1';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(process.argv[2] ?? path.join(projectDir, '..', 'shared', 'corpora', 'bbc'));

const { inputs } = await discoverInputs(corpusDir, path.join(corpusDir, '.no-content'));
const files = await Promise.all(
  inputs.map(async (input) => {
    const bytes = await readFile(input.absolutePath);
    // The headline as a reader sees it: HTML entities in the raw line ("&#163;") decoded once, as the parser does.
    return { input, bytes, headline: decodeHTMLStrict(bytes.toString('utf8').split(/\r?\n/, 1)[0]?.trim() ?? '') };
  }),
);
defaultEnrichResources(); // word lists load once per build; kept out of the per-article figure

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
// Parse and enrich are timed apart (each over the whole corpus, first run, as in a build).
const wallStart = performance.now();
const parseStart = cpuSeconds();
const parsed: Array<{ article: ParsedArticle; desk: string; headline: string }> = [];
let failed = 0;
for (const { input, bytes, headline } of files) {
  const result = parseInput(input, bytes, null);
  if (result.ok) parsed.push({ article: result.article, desk: input.relativePath.split('/')[0] ?? '', headline });
  else failed += 1;
}
const parseSeconds = cpuSeconds() - parseStart;
const enrichStart = cpuSeconds();
const articles = parsed.map(({ article, desk, headline }) => ({ article: enrichArticle(article), desk, headline }));
const enrichSeconds = cpuSeconds() - enrichStart;
const wallSeconds = (performance.now() - wallStart) / 1000;
if (SPEED_ONLY) {
  console.log(JSON.stringify({ parseSeconds, enrichSeconds }));
  process.exit(0);
}
// A second pass shows the steady state of a large archive, where start-up (JIT, memoised keyword
// look-ups) is spread over many more articles. The first pass is the figure scored against the goal.
const steadyStart = cpuSeconds();
for (const { input, bytes } of files) {
  const result = parseInput(input, bytes, null);
  if (result.ok) enrichArticle(result.article);
}
const steadySeconds = cpuSeconds() - steadyStart;

const relateStart = performance.now();
const related = relateArticles(articles.map((a) => a.article));
const relateSeconds = (performance.now() - relateStart) / 1000;

// Subjects as the archive shows them: after the relate stage's corpus-level refinement.
const final = new Map(related.articles.map((a) => [a.id, a]));
const scored = articles.filter((a) => DESK_SUBJECTS[a.desk] !== undefined);
const top = scored.map((a) => final.get(a.article.id)?.subjects[0]?.id ?? 'none');
const keywordOnly = scored.filter((a) => a.article.subjects[0]?.id === DESK_SUBJECTS[a.desk]).length;
const correct = scored.filter((a, i) => top[i] === DESK_SUBJECTS[a.desk]).length;
const grouping = scoreGrouping(scored.map((a) => a.desk), top);
const titleMatches = articles.filter((a) => a.article.title === a.headline).length;
// The same first pass in fresh processes, one after another (this process's pass is the first of the runs).
const passes = [{ parseSeconds, enrichSeconds }, ...Array.from({ length: SPEED_RUNS - 1 }, () => speedInFreshProcess())];
const passRates = passes.map((p) => articles.length / (p.parseSeconds + p.enrichSeconds));
const perCore = median(passRates);

const confusion = new Map<string, Map<string, number>>();
scored.forEach((a, i) => {
  const row = confusion.get(a.desk) ?? new Map<string, number>();
  row.set(top[i]!, (row.get(top[i]!) ?? 0) + 1);
  confusion.set(a.desk, row);
});

const mark = (ok: boolean): string => (ok ? 'meets goal' : 'MISSES goal');
const fixed = (n: number, digits = 3): string => n.toFixed(digits);
const accuracy = correct / scored.length;
const titleShare = titleMatches / articles.length;
const stories = related.articles.filter((a) => a.story !== undefined);
const storyIds = new Set(stories.map((a) => a.story?.id));
const duplicates = related.articles.filter((a) => a.duplicateOf !== undefined).length;
console.log(`corpus: ${path.relative(process.cwd(), corpusDir) || corpusDir} (${files.length} files, ${articles.length} parsed, ${failed} not parsed)`);
console.log(`top-subject accuracy: ${fixed(accuracy)} (${correct}/${scored.length}; goal ≥ ${GOALS.accuracy}: ${mark(accuracy >= GOALS.accuracy)})`);
console.log(`  (keywords alone, before the archive-level refinement: ${fixed(keywordOnly / scored.length)})`);
console.log(`grouping by top subject: NMI ${fixed(grouping.nmi)} (goal ≥ ${GOALS.nmi}: ${mark(grouping.nmi >= GOALS.nmi)}), purity ${fixed(grouping.purity)}, ${grouping.clusters} groups`);
console.log(`title equals headline line: ${fixed(titleShare)} (${titleMatches}/${articles.length}; goal ≥ ${GOALS.titleMatch}: ${mark(titleShare >= GOALS.titleMatch)})`);
console.log(`parse + enrich: ${Math.round(perCore)} articles/s per core, median of ${passes.length} first passes in fresh processes (${passRates.map((r) => Math.round(r)).join(', ')}; goal ≥ ${GOALS.perCore}: ${mark(perCore >= GOALS.perCore)})`);
console.log(`  this process's first pass: ${fixed(parseSeconds + enrichSeconds, 2)} s CPU`);
// The work runs on one thread, but CPU time also counts the engine's helper threads (garbage
// collection), so the wall-clock rate of this single thread is shown beside it.
console.log(`  single thread, wall clock: ${Math.round(articles.length / wallSeconds)} articles/s (${fixed(wallSeconds, 2)} s)`);
console.log(`  steady state (second pass): ${Math.round(articles.length / steadySeconds)} articles/s per core (${fixed(steadySeconds, 2)} s CPU)`);
console.log(`  parse alone ${Math.round(articles.length / parseSeconds)}/s (${fixed(parseSeconds, 2)} s CPU), enrich alone ${Math.round(articles.length / enrichSeconds)}/s (${fixed(enrichSeconds, 2)} s CPU)`);
console.log(`relate (related, stories, near-duplicates): ${fixed(relateSeconds, 2)} s; ${storyIds.size} stories covering ${stories.length} articles; ${duplicates} near-duplicates`);
console.log('confusion (desk → top subject):');
for (const [desk, row] of [...confusion].sort()) {
  console.log(`  ${desk.padEnd(14)} ${[...row].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ')}`);
}

/** One first pass of parse + enrich timed in a fresh child process (the same script, speed only). */
function speedInFreshProcess(): { parseSeconds: number; enrichSeconds: number } {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), corpusDir], {
    env: { ...process.env, BROADSHEET_EVAL_SPEED_ONLY: '1' },
    encoding: 'utf8',
  });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`speed run failed: ${child.stderr || last}`);
  return JSON.parse(last) as { parseSeconds: number; enrichSeconds: number };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** NMI (arithmetic-mean normalisation, as scikit-learn) and purity of `predicted` against `truth`. */
function scoreGrouping(truth: readonly string[], predicted: readonly string[]): { nmi: number; purity: number; clusters: number } {
  const n = truth.length;
  const count = (labels: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const joint = count(truth.map((t, i) => `${t}\u0000${predicted[i]}`));
  const byTruth = count(truth);
  const byPredicted = count(predicted);
  const entropy = (m: Map<string, number>): number => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  const best = new Map<string, number>();
  for (const [key, c] of joint) {
    const [t, p] = key.split('\u0000') as [string, string];
    mutual += (c / n) * Math.log((c * n) / (byTruth.get(t)! * byPredicted.get(p)!));
    best.set(p, Math.max(best.get(p) ?? 0, c));
  }
  const denominator = (entropy(byTruth) + entropy(byPredicted)) / 2;
  return { nmi: denominator === 0 ? 1 : mutual / denominator, purity: [...best.values()].reduce((s, c) => s + c, 0) / n, clusters: byPredicted.size };
}
