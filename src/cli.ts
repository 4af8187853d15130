/** The `broadsheet` command line: a thin layer over build(). */
import { parseArgs } from 'node:util';
import { didYouMean } from './did-you-mean.ts';
import { packageVersion } from './package-root.ts';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ownTemplatesNotice, readUserConfig, resolveConfig, type UserConfig } from './config/config.ts';
import { BuildStopped, systemErrorMessage, userErrorLine } from './errors.ts';
import { formatReportEntry } from './report.ts';
import { createProgress, type ProgressListener } from './progress.ts';
import { signalExitCode, STOP_GRACE_MS, stopOnSignals } from './stop-signals.ts';

const HELP = `Usage: broadsheet <command> [options]

Commands:
  build            build seeds/ and content/ into dist/
  serve            build, serve on http://127.0.0.1:PORT/, rebuild and reload on change
  help             show this help

Options (override broadsheet.config.json):
  --seeds DIR        raw text articles, **/*.txt        (default: seeds)
  --content DIR      Markdown articles, **/*.md          (default: content)
  --out DIR          output folder, replaced atomically  (default: dist)
  --templates DIR    Nunjucks templates and assets       (default: templates)
  --base-path PATH   URL path the site is served under   (default: /)
  --site-url URL     absolute URL of the site, for feeds and sitemap
  --page-size N      articles per list page              (default: 20)
  --no-search        skip the Pagefind search index (quicker; the search page says it is unavailable)
  --search-shard-size N
                     articles per search bundle, on average (default: 2048)
  --drafts           also build articles marked draft: true, to preview them
  --quiet            print only the summary and errors
  --timings          print the seconds each build stage took, as one JSON line
  --port N           port for serve (0 picks a free one)  (default: 8080)
  --version, -v      print Broadsheet's version
`;

/** The command-line options (see HELP). */
const OPTIONS = {
  seeds: { type: 'string' },
  content: { type: 'string' },
  out: { type: 'string' },
  templates: { type: 'string' },
  'base-path': { type: 'string' },
  'site-url': { type: 'string' },
  'page-size': { type: 'string' },
  search: { type: 'boolean' },
  'search-shard-size': { type: 'string' },
  drafts: { type: 'boolean' },
  quiet: { type: 'boolean', default: false },
  timings: { type: 'boolean', default: false },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

/** The commands (see HELP). */
const COMMANDS = ['build', 'serve', 'help'];

/**
 * What is wrong with the command line, from parseArgs' error, in the CLI's words: a mistyped
 * option is named with the one likely meant ("--seed" → "--seeds"), and Node's advice about
 * positional arguments starting with "-", which no command takes, is left out.
 */
function argumentProblem(error: unknown): string {
  const message = (error as Error).message;
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  const code = (error as NodeJS.ErrnoException).code;
  if (option === undefined) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const names = Object.entries(OPTIONS).flatMap(([name, { type }]) => (type === 'boolean' && name !== 'help' && name !== 'version' ? [`--${name}`, `--no-${name}`] : [`--${name}`]));
    const meant = didYouMean(option.replace(/=.*/, ''), names);
    return `unknown option ${option}${meant === null ? '' : `; did you mean ${meant}?`}`;
  }
  // A missing value is told as "argument missing", or, when the next word is an option, "ambiguous".
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return message.includes('does not take') ? `option ${option} takes no value` : `option ${option} needs a value`;
  return message;
}

/** How many report lines the console shows before pointing at build-report.json. */
const MAX_REPORT_LINES = 40;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], projectDir = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      // --no-search sets search to false, as "search": false in the config file does.
      allowNegative: true,
      options: OPTIONS,
    });
  } catch (error) {
    process.stderr.write(`broadsheet: ${argumentProblem(error)}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'build';
  if (values.version) {
    process.stdout.write(`broadsheet ${packageVersion()}\n`);
    return 0;
  }
  if (values.help || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command !== 'build' && command !== 'serve') {
    const meant = didYouMean(command, COMMANDS);
    process.stderr.write(`broadsheet: unknown command "${command}"${meant === null ? '' : `; did you mean "${meant}"?`}\n\n${HELP}`);
    return 2;
  }

  const flags: UserConfig = {};
  if (values.seeds !== undefined) flags.seeds = values.seeds;
  if (values.content !== undefined) flags.content = values.content;
  if (values.out !== undefined) flags.out = values.out;
  if (values.templates !== undefined) flags.templates = values.templates;
  if (values['base-path'] !== undefined) flags.basePath = values['base-path'];
  if (values['site-url'] !== undefined) flags.siteUrl = values['site-url'];
  if (values.search !== undefined) flags.search = values.search;
  if (values.drafts !== undefined) flags.drafts = values.drafts;
  // Checked here, so the error names the flag rather than the config file.
  for (const [flag, key] of [['page-size', 'pageSize'], ['search-shard-size', 'searchShardSize']] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < 1) {
      process.stderr.write(`broadsheet: --${flag} must be a whole number of at least 1, not ${JSON.stringify(text)}\n`);
      return 2;
    }
    flags[key] = value;
  }
  // Likewise for the two URL settings: the config file's name would send the reader to a file that may not exist.
  for (const [flag, key] of [['site-url', 'siteUrl'], ['base-path', 'basePath']] as const) {
    try {
      // A site URL is checked on its own ('/' stands in for the base path): the config file may give the base path its path would imply.
      if (flags[key] !== undefined) resolveConfig(projectDir, { basePath: '/', [key]: flags[key] });
    } catch (error) {
      process.stderr.write(`broadsheet: --${flag}: ${(error as Error).message}\n`);
      return 2;
    }
  }

  if (command === 'serve') return runServe(projectDir, flags, values.port);

  // Progress goes to stderr, so stdout stays the report and the summary.
  const progress = createProgress(process.stderr);
  // Ctrl+C stops the build at its next step: the staging folder is put away and the exit code says so.
  const stop = stopOnSignals(
    () => {
      progress.finish();
      process.stderr.write('broadsheet: stopping the build (Ctrl+C again to stop at once)\n');
    },
    {
      exit: (code) => {
        process.stderr.write(`broadsheet: the build did not stop within ${STOP_GRACE_MS / 1000} s: ended at once; the next build clears what it left\n`);
        process.exit(code);
      },
    },
  );
  try {
    const fileConfig = await readUserConfig(projectDir);
    const config = resolveConfig(projectDir, fileConfig, flags);
    const notice = values.quiet ? null : ownTemplatesNotice(projectDir, fileConfig, flags);
    if (notice !== null) process.stderr.write(`broadsheet: ${notice}\n`);
    // Imported when a command needs it: `help` and a mistyped flag load none of the stages' modules (~1 s of CPU).
    const { build } = await import('./build.ts');
    // Advice comes even when quiet: it is about a build that may end in a crash, when no summary comes.
    const onAdvice = (message: string): void => void process.stderr.write(`broadsheet: ${message}\n`);
    const onProgress: ProgressListener = (stage, done, total) => {
      // No bar after the stopping line.
      if (!stop.signal.aborted) progress.listener(stage, done, total);
    };
    const result = await build(config, { projectDir, onAdvice, signal: stop.signal, ...(values.quiet ? {} : { onProgress }) }).finally(() => progress.finish());
    const shown = values.quiet ? result.report.filter((e) => e.level === 'error') : result.report;
    for (const entry of shown.slice(0, MAX_REPORT_LINES)) process.stdout.write(`${formatReportEntry(entry)}\n`);
    if (shown.length > MAX_REPORT_LINES) process.stdout.write(`… and ${shown.length - MAX_REPORT_LINES} more in ${result.outDir}/build-report.json\n`);
    const warnings = result.report.filter((e) => e.level === 'warning').length;
    const skipped = result.report.filter((e) => e.level === 'skipped').length;
    process.stdout.write(
      `Built ${result.articles} articles into ${result.pages} pages (${result.files} files) in ${result.seconds.toFixed(2)} s: ` +
        `${warnings} warnings, ${skipped} files skipped → ${result.outDir}\n`,
    );
    if (values.timings) process.stdout.write(`${timingsLine(result.timings, result.seconds)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BuildStopped) {
      process.stderr.write(`broadsheet: ${error.message}\n`);
      return signalExitCode(error.by);
    }
    const line = userErrorLine(error);
    if (line === null) throw error;
    process.stderr.write(`broadsheet: ${line}\n`);
    // A BroadsheetError says what went wrong with the build; a full disk's or a permission's message does not.
    if (systemErrorMessage(error) !== null) process.stderr.write('broadsheet: the build stopped; the output folder is as it was before it\n');
    return 1;
  } finally {
    stop.dispose();
  }
}

/**
 * `--timings`: one line, "Timings (s): " and a JSON object of stage → seconds in the order stages
 * finished (search runs while pages render and beside the other outputs, so its seconds overlap
 * theirs), with "total" last; one line so scripts (npm run bench) can read it, JSON so nothing
 * needs escaping.
 */
export function timingsLine(timings: ReadonlyArray<readonly [string, number]>, total: number): string {
  const seconds = (s: number): number => Math.round(s * 1000) / 1000;
  return `Timings (s): ${JSON.stringify(Object.fromEntries([...timings.map(([stage, s]) => [stage, seconds(s)] as const), ['total', seconds(total)]]))}`;
}

/** `broadsheet serve`: runs the live preview until Ctrl+C (SIGINT) or SIGTERM. */
async function runServe(projectDir: string, flags: UserConfig, portFlag: string | undefined): Promise<number> {
  const port = Number(portFlag ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`broadsheet: --port must be a whole number from 0 to 65535, not ${portFlag}\n`);
    return 2;
  }
  // Listening before the server starts: a Ctrl+C during the first build stops it too. A second ends the process at once.
  const stop = stopOnSignals(() => undefined);
  const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
  try {
    let preview;
    try {
      const { serve } = await import('./serve/serve.ts');
      // Progress on stderr, as for build: a new display per build, so each is quiet for its first seconds.
      preview = await serve({ projectDir, flags, port, signal: stop.signal, progress: () => createProgress(process.stderr) });
    } catch (error) {
      // Stopped during the first build: the preview ends as asked.
      if (error instanceof BuildStopped) return 0;
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      const line = inUse ? `port ${port} is in use; choose another with --port N (0 picks a free one)` : userErrorLine(error);
      if (line === null) throw error;
      process.stderr.write(`broadsheet: ${line}\n`);
      return 1;
    }
    await stopped;
    await preview.close();
    return 0;
  } finally {
    stop.dispose();
  }
}

// Run only when executed as a script, so tests can import main().
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
