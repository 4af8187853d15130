/**
 * `npm run bench`: builds the BBC corpus at 1x, 5x and 25x as child processes and prints, per
 * size, the median of several runs (wall s, CPU s, peak RSS, articles/s, pages, bytes), next to a
 * floor: a bare script that only reads every input and writes one string-templated page each.
 *
 *   npm run bench -- [--sizes 1,5,25] [--runs 3,3,2] [--incremental] [--write] [--keep]
 *
 * Search is reported on its own: each size is built without search (`--no-search`, the build
 * the floor is compared with) and with it, alternately; "search ÷ build" is the wall time search
 * adds (with search minus without) over the build without search. The full build's `--timings`
 * line gives the search stage's own seconds too, but the stage runs while pages render and beside
 * the other outputs, so its seconds include render's and overlap the rest of the build. Peak RSS is
 * given per process: Node (the build and its worker threads) and Pagefind's service processes,
 * read from /proc while the run goes (VmHWM; for Pagefind, whose processes run two at a time,
 * also their VmRSS summed at each sample). --write puts the table into the Speed section
 * of BENCHMARKS.md; --incremental also times a second full build with nothing changed, then one
 * with one article edited, then at once one with the edit undone, then one with a template edited
 * (every page rendered again from cached articles: the heaviest rebuild; the bench then waits
 * for the replaced output's deletion to end, see settle), at each size. Runs are
 * sequential: the machine is shared. No output is deleted until the last run is measured (see
 * discarder); --keep keeps them all.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { outputManifestFile } from '../src/write/output-manifests.ts';
import { trashDirOf } from '../src/write/spare-output.ts';

/** The one-minute load average when the run began, printed with the table: how busy the machine was. */
const LOAD_AT_START = loadavg()[0]!;

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BBC_DIR = path.resolve(PROJECT_DIR, '../shared/corpora/bbc');
const TSX_LOADER = pathToFileURL(path.join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
const BENCHMARKS_FILE = path.join(PROJECT_DIR, 'BENCHMARKS.md');
/** The floor: plain JavaScript, run with no loader (see the script). */
const FLOOR_SCRIPT = path.join(PROJECT_DIR, 'scripts/bench-floor.mjs');
/** The template the template-edit rebuild edits: the layout every page extends. */
const TEMPLATE_EDITED = 'base.njk';
/** Seconds the file system is left alone after a build's deletion ends (see settle). */
const SETTLE_SECONDS = 60;
const SPEED_START = '<!-- speed:start -->';
const SPEED_END = '<!-- speed:end -->';

/** Row kinds the ratios are computed from. */
const BARE = 'broadsheet --no-search';
const FULL = 'broadsheet (with search)';

/** How often /proc is read for peak RSS; VmHWM only grows, so a sample loses nothing but a process's last moments. */
const SAMPLE_MS = 200;

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** One measured run of a child process. */
interface Run {
  readonly wall: number;
  /** User + system seconds of the process and every child it waited for (Pagefind's included: the build closes it). */
  readonly cpu: number;
  /** Peak RSS of the Node process (main thread and worker threads). */
  readonly rssMiB: number;
  /** Peak RSS of Pagefind's service process, 0 when none ran. */
  readonly pagefindMiB: number;
  /** CPU seconds of Pagefind's service process as last sampled (user + system), 0 when none ran. */
  readonly pagefindCpu: number;
  /** Seconds of the build's search stage (from --timings), 0 for the floor. */
  readonly search: number;
  readonly pages: number;
  readonly files: number;
  readonly bytes: number;
  readonly articles: number;
}

/** Medians of one kind of run at one size. */
interface Row extends Run {
  readonly size: number;
  readonly kind: string;
  readonly runs: number;
}

await main();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1,5,25' },
      runs: { type: 'string', default: '3,3,2' },
      incremental: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runCounts = values.runs.split(',').map(Number);
  const work = await mkdtemp(path.join(tmpdir(), 'broadsheet-bench-'));
  const setAside = discarder(work);
  const rows: Row[] = [];
  // A copy of the templates, which the template-edit rebuild edits (and puts back).
  const templates = path.join(work, 'templates');
  await cp(path.join(PROJECT_DIR, 'templates'), templates, { recursive: true });
  try {
    for (const [i, size] of sizes.entries()) {
      const runs = runCounts[i] ?? runCounts.at(-1) ?? 1;
      const seeds = path.join(work, `${size}x`, 'seeds');
      const articles = await makeCorpus(seeds, size);
      const empty = path.join(work, `${size}x`, 'content');
      await mkdir(empty, { recursive: true });
      const out = path.join(work, `${size}x`, 'dist');
      log(`${size}x: ${articles} articles in ${seeds}`);

      const floorRuns: Run[] = [];
      for (let r = 0; r < runs; r++) {
        const floorOut = path.join(work, `${size}x`, 'floor');
        await setAside(floorOut);
        floorRuns.push(await measure([FLOOR_SCRIPT, seeds, floorOut], floorOut));
        log(`  floor run ${r + 1}: ${format(floorRuns.at(-1)!)}`);
      }
      rows.push({ size, kind: 'floor', runs, ...median(floorRuns) });

      const bareRuns: Run[] = [];
      const fullRuns: Run[] = [];
      const incrementalRuns: Run[] = [];
      const changedRuns: Run[] = [];
      const undoneRuns: Run[] = [];
      const templateRuns: Run[] = [];
      // The builds' cache: in the project folder, which the CLI is run from (the size's folder).
      const cacheDir = path.join(work, `${size}x`, '.broadsheet-cache');
      for (let r = 0; r < runs; r++) {
        // The installed command, as users run it (the CLI compiled from src/: see bin/compiled-cli.js).
        const cli = [path.join(PROJECT_DIR, 'bin/broadsheet.js'), 'build', '--quiet', '--timings', '--seeds', seeds, '--content', empty, '--out', out, '--templates', templates];
        const clean = async (): Promise<void> => {
          await setAside(out);
          await setAside(cacheDir);
        };
        // Alternated with the full build, so both see the same machine load.
        await clean();
        bareRuns.push(await measure([...cli, '--no-search'], out, path.join(work, `${size}x`)));
        log(`  build without search run ${r + 1}: ${format(bareRuns.at(-1)!)}`);
        await clean();
        fullRuns.push(await measure(cli, out, path.join(work, `${size}x`)));
        log(`  build run ${r + 1}: ${format(fullRuns.at(-1)!)}`);
        if (values.incremental) {
          incrementalRuns.push(await measure(cli, out, path.join(work, `${size}x`)));
          log(`  unchanged rebuild ${r + 1}: ${format(incrementalRuns.at(-1)!)}`);
          // One article edited (a sentence added), as a writer fixing a story would.
          const edited = path.join(seeds, 'copy-1/business/absa-and-barclays-talks-continue.txt');
          const original = await readFile(edited, 'utf8');
          await writeFile(edited, `${original.trimEnd()}\n\nThe talks are expected to end next week, the bank said.\n`);
          // Put back also when the build fails, so a corpus kept with --keep is the corpus as generated.
          try {
            changedRuns.push(await measure(cli, out, path.join(work, `${size}x`)));
          } finally {
            await writeFile(edited, original);
          }
          log(`  one article changed ${r + 1}: ${format(changedRuns.at(-1)!)}`);
          // The edit undone and built at once, as the live preview rebuilds on each save: a rebuild right after
          // another, with the output it replaced just put aside (see spare-output.ts).
          undoneRuns.push(await measure(cli, out, path.join(work, `${size}x`)));
          log(`  edit undone right after ${r + 1}: ${format(undoneRuns.at(-1)!)}`);
          // A template edited so that every page reads differently: every page is rendered and written again, from cached articles.
          const layout = path.join(templates, TEMPLATE_EDITED);
          const layoutText = await readFile(layout, 'utf8');
          if (!layoutText.includes('</body>')) throw new Error(`bench: ${TEMPLATE_EDITED} has no </body> to edit before`);
          await writeFile(layout, layoutText.replace('</body>', '<!-- a template edited -->\n</body>'));
          try {
            templateRuns.push(await measure(cli, out, path.join(work, `${size}x`)));
          } finally {
            await writeFile(layout, layoutText);
          }
          log(`  template edited ${r + 1}: ${format(templateRuns.at(-1)!)}`);
          // Every page was replaced: the build deletes the output it replaced in the background, which would slow what comes next.
          await settle(cacheDir, out);
        }
      }
      rows.push({ size, kind: BARE, runs, ...median(bareRuns) });
      rows.push({ size, kind: FULL, runs, ...median(fullRuns) });
      if (values.incremental) {
        rows.push({ size, kind: 'rebuild, nothing changed', runs, ...median(incrementalRuns) });
        rows.push({ size, kind: 'rebuild, one article changed', runs, ...median(changedRuns) });
        rows.push({ size, kind: 'rebuild right after, edit undone', runs, ...median(undoneRuns) });
        rows.push({ size, kind: 'rebuild, a template edited', runs, ...median(templateRuns) });
      }
    }
  } finally {
    // Every output set aside is deleted only now, when nothing is measured any more (see discarder).
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
  const table = renderTable(rows);
  process.stdout.write(`\n${table}\n`);
  if (values.write) await writeSpeedSection(table, process.argv.slice(2).join(' '));
}

/**
 * Waits until the build with cache `cacheDir` and output `outDir` has deleted what it discarded
 * (its cache's trash folder, which a detached `rm -rf` empties: see src/write/discard-folder.ts),
 * then SETTLE_SECONDS more: after deletions, each new file scans past the inodes freed in the last
 * minute (see discarder). Measured first without this, a rebuild after a template edit (~87k pages
 * replaced at 25x) slowed the next size's first floor run from ~3 s to ~11 s and the next 5x builds
 * without search from ~10 s to ~15 s.
 */
async function settle(cacheDir: string, outDir: string): Promise<void> {
  const trash = trashDirOf(outputManifestFile(cacheDir, outDir));
  while (await stat(trash).then(() => true, () => false)) await sleep(250);
  await sleep(SETTLE_SECONDS * 1000);
}

/**
 * Moves a folder out of the way (into `work`/set-aside/) instead of deleting it, so no run is
 * measured right after tens of thousands of files were deleted. On a file system like this
 * machine's (ext4 without a journal), each new file or folder then costs a scan past every inode
 * freed in the last minutes (ext4's `recently_deleted`, skipped only with a journal): a run right
 * after deleting the last run's output paid for it. The floor's 25x runs took 14.97 s and then
 * 21.35 s that way, against 7.3–7.9 s into a fresh folder (two runs at 12:34 UTC, 2026-11-22).
 * Everything set aside is deleted once the last run is measured (a full run holds about 10 GB
 * until then, most of it the 25x outputs and caches). Missing folders are ignored.
 */
function discarder(work: string): (dir: string) => Promise<void> {
  const aside = path.join(work, 'set-aside');
  let count = 0;
  return async (dir) => {
    await mkdir(aside, { recursive: true });
    await rename(dir, path.join(aside, String(count++))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  };
}

/**
 * Writes `size` copies of the BBC corpus: copy k of "desk/name.txt" is "copy-k/desk/name.txt",
 * with a `date` inline prefix spread over six years (so month pages exist) and the copy number in
 * the headline. Copy 1 is the corpus itself; in every later copy an article keeps its headline
 * and first part (about 40%) and takes the rest of another article of the same desk (a different one
 * per copy). So ids, titles, dates and bodies all differ, and no copy is a near-duplicate of
 * another (two share at most about a third of their words, well under the 0.75 resemblance that marks a
 * wire copy): the archive grows like one of distinct news, with every article listed and indexed,
 * rather than collapsing into near-copies of 2,095 stories. Returns the article count.
 */
async function makeCorpus(seeds: string, size: number): Promise<number> {
  const files = (await fg('*/*.txt', { cwd: BBC_DIR })).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(BBC_DIR, f), 'utf8')));
  const desks = new Map<string, number[]>();
  files.forEach((file, i) => desks.set(path.dirname(file), [...(desks.get(path.dirname(file)) ?? []), i]));
  const split = texts.map((text) => {
    const newline = text.indexOf('\n');
    const paragraphs = text.slice(newline).split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
    // The first part ends at the paragraph that reaches 40% of the text, so it is never most of it.
    const total = paragraphs.reduce((sum, p) => sum + p.length, 0);
    let cut = 0;
    for (let seen = 0; cut < paragraphs.length - 1 && seen < total * 0.4; cut++) seen += paragraphs[cut]!.length;
    return { headline: text.slice(0, newline), first: paragraphs.slice(0, Math.max(cut, 1)), second: paragraphs.slice(Math.max(cut, 1)) };
  });
  const start = Date.UTC(2004, 0, 1);
  const day = 24 * 3600 * 1000;
  let count = 0;
  for (let k = 0; k < size; k++) {
    const dirs = new Set(files.map((f) => path.join(seeds, `copy-${k + 1}`, path.dirname(f))));
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    await Promise.all(
      files.map((file, i) => {
        // Spread over six years: every copy lands on other days, most months get articles.
        const date = new Date(start + ((i * 7 + k * 389) % (6 * 365)) * day).toISOString().slice(0, 10);
        const { headline, first, second } = split[i]!;
        const desk = desks.get(path.dirname(file))!;
        // The partner: k places further along the desk, so each copy of an article has another one.
        const partner = split[desk[(desk.indexOf(i) + k) % desk.length]!]!;
        const body = k === 0 ? [...first, ...second] : [...first, ...partner.second];
        count += 1;
        const title = k === 0 ? headline : `${headline} (${k + 1})`;
        return writeFile(path.join(seeds, `copy-${k + 1}`, file), `date ${date} ${title}\n\n${body.join('\n\n')}\n`);
      }),
    );
  }
  return count;
}

/**
 * Runs `node <args>` (with tsx for a .ts script) under /usr/bin/time -v; reads wall and CPU from it, each
 * process's peak RSS from /proc, the search stage from the --timings line, then the output's size.
 */
async function measure(args: readonly string[], outDir: string, cwd = PROJECT_DIR): Promise<Run> {
  const peaks = new Map<number, Sampled>();
  const together = { pagefindKiB: 0 };
  // A TypeScript script runs through tsx; the floor, plain JavaScript, and the built command need no loader.
  const loader = args[0]?.endsWith('.ts') === true ? ['--import', TSX_LOADER] : [];
  const { stdout, stderr, code } = await run('/usr/bin/time', ['-v', process.execPath, ...loader, ...args], cwd, (pid) => samplePeaks(pid, peaks, together));
  if (code !== 0) throw new Error(`run failed (${code}): ${args.join(' ')}\n${stdout}\n${stderr}`);
  const field = (name: string): string => {
    const line = stderr.split('\n').find((l) => l.trim().startsWith(name));
    if (line === undefined) throw new Error(`no "${name}" in /usr/bin/time output:\n${stderr}`);
    return line.slice(line.lastIndexOf(': ') + 2).trim();
  };
  const wall = field('Elapsed (wall clock) time')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
  const cpu = Number(field('User time (seconds)')) + Number(field('System time (seconds)'));
  // /usr/bin/time's maximum is over the process and the children it waited for, Pagefind included;
  // the /proc samples tell the two apart. A run too short to be sampled has no Pagefind.
  const maxRssMiB = Number(field('Maximum resident set size (kbytes)')) / 1024;
  const sampled = [...peaks.values()];
  // The larger of one process's high-water mark and the most the processes running at once held together.
  const pagefindMiB = Math.max(0, together.pagefindKiB / 1024, ...sampled.filter((p) => p.name.startsWith('pagefind')).map((p) => p.hwmKiB / 1024));
  const pagefindCpu = sampled.filter((p) => p.name.startsWith('pagefind')).reduce((sum, p) => sum + p.cpuTicks / CLOCK_TICKS, 0);
  const nodeMiB = Math.max(0, ...sampled.filter((p) => p.name === 'node').map((p) => p.hwmKiB / 1024));
  const rssMiB = pagefindMiB === 0 ? Math.max(maxRssMiB, nodeMiB) : nodeMiB;
  const built = /Built (\d+) articles into (\d+) pages \((\d+) files\)/.exec(stdout);
  const floored = /Floor: (\d+) articles/.exec(stdout);
  const timings = /^Timings \(s\): (.*)$/m.exec(stdout);
  const search = timings === null ? 0 : ((JSON.parse(timings[1]!) as Record<string, number>).search ?? 0);
  const { files, bytes } = await sizeOf(outDir);
  const articles = Number(built?.[1] ?? floored?.[1] ?? 0);
  const pages = Number(built?.[2] ?? floored?.[1] ?? 0);
  return { wall, cpu, rssMiB, pagefindMiB, pagefindCpu, search, pages, files, bytes, articles };
}

/** Records VmHWM of `root` and every descendant (the Node build, Pagefind) into `peaks`, by pid, until the returned stop is called. */
function samplePeaks(root: number, peaks: Map<number, Sampled>, together: { pagefindKiB: number }): () => void {
  const sample = (): void => {
    const parents = new Map<number, number>();
    // Pagefind processes run two at a time (one per search lane): their RSS at this moment, summed.
    let pagefindNowKiB = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const status = readFileSync(`/proc/${entry}/status`, 'utf8');
        const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
        parents.set(Number(entry), ppid);
        const known = peaks.get(Number(entry));
        if (known === undefined && !descends(ppid, root, parents, peaks)) continue;
        const hwmKiB = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
        const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '';
        if (name.startsWith('pagefind')) pagefindNowKiB += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted after the ") " closing the name.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        const cpuTicks = Number(fields[11]) + Number(fields[12]);
        peaks.set(Number(entry), { name, ppid, hwmKiB: Math.max(hwmKiB, known?.hwmKiB ?? 0), cpuTicks: Math.max(cpuTicks, known?.cpuTicks ?? 0) });
      } catch {
        // The process ended between listing and reading: its last sample stands.
      }
    }
    together.pagefindKiB = Math.max(together.pagefindKiB, pagefindNowKiB);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return () => clearInterval(timer);
}

/** What the samples keep of one process. */
interface Sampled {
  readonly name: string;
  readonly ppid: number;
  /** Highest VmHWM seen, KiB. */
  readonly hwmKiB: number;
  /** User + system clock ticks at the last sample. */
  readonly cpuTicks: number;
}

/** Whether a process with parent `ppid` descends from `root` (already-seen processes count by their own record). */
function descends(ppid: number, root: number, parents: ReadonlyMap<number, number>, seen: ReadonlyMap<number, { ppid: number }>): boolean {
  for (let pid = ppid, depth = 0; pid > 1 && depth < 16; depth++) {
    if (pid === root || seen.has(pid)) return true;
    const next = parents.get(pid) ?? readParent(pid);
    if (next === undefined) return false;
    pid = next;
  }
  return false;
}

function readParent(pid: number): number | undefined {
  try {
    return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

function run(command: string, args: readonly string[], cwd: string, watch?: (pid: number) => () => void): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    const stop = child.pid === undefined ? undefined : watch?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error) => {
      stop?.();
      reject(error);
    });
    child.on('close', (code) => {
      stop?.();
      resolve({ stdout, stderr, code });
    });
  });
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

function median(runs: readonly Run[]): Run {
  const mid = <K extends keyof Run>(key: K): number => {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    const m = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
  };
  const keys = ['wall', 'cpu', 'rssMiB', 'pagefindMiB', 'pagefindCpu', 'search', 'pages', 'files', 'bytes', 'articles'] as const;
  return Object.fromEntries(keys.map((key) => [key, mid(key)])) as unknown as Run;
}

function format(r: Run): string {
  const search = r.pagefindMiB > 0 ? `, search ${r.search.toFixed(2)} s, Pagefind ${r.pagefindMiB.toFixed(0)} MiB and ${r.pagefindCpu.toFixed(2)} s CPU` : '';
  return `${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.rssMiB.toFixed(0)} MiB${search}, ${r.pages} pages, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB written`;
}

/**
 * The results table. Ratios: "× floor" is wall over the floor's at the same size; "search ÷ build"
 * the wall search adds (the full build's minus the build's without search) over the build without
 * search (the issue's "at most doubling it" is ≤ 1.00); "÷ 5x" a row's wall and CPU over the same kind's at 5x (linear growth
 * from 5x to 25x is 5.0, the goal at most 6); "% of full build" a rebuild's wall over the full build's.
 */
function renderTable(rows: readonly Row[]): string {
  const lines = [
    '| size | articles | what | runs | wall s | CPU s | Pagefind CPU s | Node peak RSS MiB | Pagefind peak RSS MiB | articles/s | pages | files | MiB written | × floor wall | search stage s | search ÷ build | wall ÷ 5x | CPU ÷ 5x | % of full build |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const same = (size: number, kind: string): Row | undefined => rows.find((r) => r.size === size && r.kind === kind);
    const floorRow = same(row.size, 'floor');
    const fullRow = same(row.size, FULL);
    const bareRow = same(row.size, BARE);
    const base = row.size === 5 ? undefined : same(5, row.kind);
    const ratio = floorRow === undefined ? '' : (row.wall / floorRow.wall).toFixed(1);
    const searchShare = row.kind === FULL && bareRow !== undefined ? ((row.wall - bareRow.wall) / bareRow.wall).toFixed(2) : '';
    const share = fullRow === undefined || row.kind === 'floor' || row.kind === FULL || row.kind === BARE ? '' : `${Math.round((100 * row.wall) / fullRow.wall)}%`;
    const cells = [
      `${row.size}x`,
      row.articles,
      row.kind,
      row.runs,
      row.wall.toFixed(2),
      row.cpu.toFixed(2),
      row.pagefindMiB === 0 ? '' : row.pagefindCpu.toFixed(2),
      row.rssMiB.toFixed(0),
      row.pagefindMiB === 0 ? '' : row.pagefindMiB.toFixed(0),
      Math.round(row.articles / row.wall),
      row.pages,
      row.files,
      (row.bytes / 1024 / 1024).toFixed(1),
      ratio,
      row.kind === FULL ? row.search.toFixed(2) : '',
      searchShare,
      base === undefined ? '' : (row.wall / base.wall).toFixed(2),
      base === undefined ? '' : (row.cpu / base.cpu).toFixed(2),
      share,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Replaces the table between the speed markers of BENCHMARKS.md (other sections are left as they are). */
async function writeSpeedSection(table: string, flags: string): Promise<void> {
  let text = '';
  try {
    text = await readFile(BENCHMARKS_FILE, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const block = `${SPEED_START}\nLast run: \`npm run bench${flags === '' ? '' : ` -- ${flags}`}\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${(await readFile('/proc/cpuinfo', 'utf8').catch(() => '')).split('\n').filter((l) => l.startsWith('processor')).length} cores, load average ${LOAD_AT_START.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine makes the seconds noisy; the ratios compare runs of one sitting).\n\n${table}\n${SPEED_END}`;
  const start = text.indexOf(SPEED_START);
  const end = text.indexOf(SPEED_END);
  if (start !== -1 && end !== -1) text = `${text.slice(0, start)}${block}${text.slice(end + SPEED_END.length)}`;
  else text = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}\n## Speed\n\n${block}\n`;
  await writeFile(BENCHMARKS_FILE, text);
  log(`wrote the table into ${BENCHMARKS_FILE}`);
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
