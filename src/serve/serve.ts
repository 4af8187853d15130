/**
 * The live preview: build, serve the output on 127.0.0.1, watch seeds/, content/, templates/ and
 * the config file, rebuild on change (debounced) and reload open pages. A failed build is
 * printed and the last good build stays online: the writer only replaces the output folder when
 * a build succeeds.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { build, type BuildResult } from '../build.ts';
import { CONFIG_FILE, ownTemplatesNotice, readUserConfig, resolveConfig, type SiteConfig, type UserConfig } from '../config/config.ts';
import { existsSync } from 'node:fs';
import { userErrorLine } from '../errors.ts';
import { formatReportEntry } from '../report.ts';
import type { Progress } from '../progress.ts';
import { LiveReload } from './live-reload.ts';
import { createStaticHandler, type ServedSite } from './static-handler.ts';
import { unwatchedLine, watchProject, type ProjectWatcher } from './watch-project.ts';

/** How the preview runs. */
export interface ServeOptions {
  /** The project folder (holds broadsheet.config.json). */
  readonly projectDir: string;
  /** Settings from the command line; they win over the config file, as for `build`. */
  readonly flags: UserConfig;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Quiet time after the last change before rebuilding, in ms. */
  readonly debounceMs?: number;
  /** Where progress and errors go (the terminal). */
  readonly log?: (line: string) => void;
  /** Makes a progress display for one build (createProgress: a large archive's build takes minutes); each log line clears it first. */
  readonly progress?: () => Progress;
  /** Stops the preview (Ctrl+C in the CLI): a build under way stops at its next step; serve() rejects with the reason if it was the first. Then call close(). */
  readonly signal?: AbortSignal;
}

/** The outcome of one build during serve. */
export type BuildOutcome = { readonly ok: true; readonly result: BuildResult } | { readonly ok: false; readonly error: unknown };

/** A running preview. */
export interface Preview {
  /** "http://127.0.0.1:PORT/base/". */
  readonly url: string;
  readonly port: number;
  /** Builds finished so far, the first included. */
  readonly builds: number;
  /** Resolves when the next build (after this call) finishes. */
  nextBuild(): Promise<BuildOutcome>;
  /** Stops watching, ends open streams and closes the server. */
  close(): Promise<void>;
}

/** The only interface the preview listens on: it is for the author, not the network. */
export const SERVE_HOST = '127.0.0.1';

/** Builds the site, serves it and rebuilds on change. Resolves once the server listens. */
export async function serve(options: ServeOptions): Promise<Preview> {
  const write = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  /** The running build's progress display, cleared before any line is logged. */
  let progress: Progress | undefined;
  const log = (line: string): void => {
    progress?.finish();
    write(line);
  };
  const liveReload = new LiveReload();
  let site: ServedSite = { root: path.resolve(options.projectDir, options.flags.out ?? 'dist'), basePath: '/' };
  let builds = 0;
  let building: Promise<void> | null = null;
  let pending: string[] = [];
  let waiting: Array<(outcome: BuildOutcome) => void> = [];
  let timer: NodeJS.Timeout | null = null;
  let watcher: ProjectWatcher | null = null;

  // Watches the folders of the latest good build's settings. A folder that appears later (content/ made
  // after the preview started) or a config change that moves one is picked up after the next build.
  let watchedKey = '';
  const watchInputs = (config: SiteConfig): void => {
    const dirs = [config.seedsDir, config.contentDir, config.templatesDir];
    const key = JSON.stringify(dirs.map((d) => [d, existsSync(d)]));
    if (key === watchedKey) return;
    watchedKey = key;
    watcher?.close();
    // Said in one line for all the folders that fail now (past the system's limit, most do); one line each for any that fail later.
    const failed: Array<readonly [string, Error]> = [];
    let settingUp = true;
    const onWatchError = (target: string, error: Error): void => {
      if (settingUp) failed.push([target, error]);
      else log(unwatchedLine([[target, error]], options.projectDir));
    };
    watcher = watchProject([...dirs.map((dir) => ({ dir })), { file: path.join(options.projectDir, CONFIG_FILE) }], onChange, onWatchError);
    settingUp = false;
    if (failed.length > 0) log(unwatchedLine(failed, options.projectDir));
  };

  const runBuild = async (reason: string): Promise<void> => {
    let outcome: BuildOutcome;
    try {
      const fileConfig = await readUserConfig(options.projectDir);
      const config = resolveConfig(options.projectDir, fileConfig, options.flags);
      const notice = builds === 0 ? ownTemplatesNotice(options.projectDir, fileConfig, options.flags) : null;
      if (notice !== null) log(`broadsheet: ${notice}`);
      progress = options.progress?.();
      const result = await build(config, {
        projectDir: options.projectDir,
        onAdvice: log,
        ...(progress === undefined ? {} : { onProgress: progress.listener }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      site = { root: result.outDir, basePath: config.basePath };
      watchInputs(config);
      for (const entry of result.report.filter((e) => e.level !== 'warning')) log(formatReportEntry(entry));
      const warnings = result.report.filter((e) => e.level === 'warning').length;
      log(`${reason}: built ${result.articles} articles into ${result.pages} pages in ${result.seconds.toFixed(2)} s, ${warnings} warnings`);
      outcome = { ok: true, result };
    } catch (error) {
      outcome = { ok: false, error };
      // Unless stopping: the preview closes next, and there is nothing to fix.
      if (options.signal?.aborted !== true) {
        const message = userErrorLine(error) ?? (error as Error).stack ?? String(error);
        log(`broadsheet: ${message}`);
        log(builds === 0 ? 'The site could not be built; fix the problem and save to try again.' : 'Still serving the last good build; fix the problem and save to rebuild.');
        // The open pages say so too: the author looks at the browser after saving, not at the terminal.
        liveReload.failed(message);
      }
    }
    progress?.finish();
    progress = undefined;
    builds += 1;
    if (outcome.ok) liveReload.reload();
    const resolved = waiting;
    waiting = [];
    for (const resolve of resolved) resolve(outcome);
  };

  // One build at a time; changes during a build are collected and trigger exactly one more.
  const schedule = (): void => {
    if (building !== null || pending.length === 0 || options.signal?.aborted === true) return;
    const changed = [...new Set(pending)];
    pending = [];
    const shown = changed.slice(0, 3).map((f) => path.relative(options.projectDir, f) || f).join(', ');
    building = runBuild(`changed ${shown}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}`).finally(() => {
      building = null;
      schedule();
    });
  };

  const onChange = (file: string): void => {
    // The build's own output and staging folders may sit inside a watched folder: never loop on them.
    const out = path.resolve(site.root);
    const name = path.basename(out);
    const dir = path.dirname(out);
    if (file === out || file.startsWith(out + path.sep)) return;
    if (path.dirname(file) === dir && path.basename(file).startsWith(`.${name}-build-`)) return;
    pending.push(file);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      schedule();
    }, options.debounceMs ?? 150);
  };

  building = runBuild('first build').finally(() => {
    building = null;
    schedule();
  });
  await building;
  // Stopped during the first build: nothing is served yet, and nothing should be.
  if (options.signal?.aborted === true) {
    (watcher as ProjectWatcher | null)?.close();
    liveReload.close();
    throw options.signal.reason;
  }

  // A first build that failed (say, on a config error) still needs watching, of the folders the flags name.
  if (watcher === null) watchInputs(resolveConfig(options.projectDir, options.flags));

  const server: Server = createServer(createStaticHandler(() => site, liveReload));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, SERVE_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const watched = (watcher as ProjectWatcher | null)?.watching.map((w) => path.relative(options.projectDir, w) || w).join(', ') ?? 'nothing';
  log(`Serving http://${SERVE_HOST}:${port}${site.basePath} · watching ${watched} · Ctrl+C to stop`);

  return {
    get url() {
      return `http://${SERVE_HOST}:${port}${site.basePath}`;
    },
    port,
    get builds() {
      return builds;
    },
    nextBuild: () => new Promise<BuildOutcome>((resolve) => waiting.push(resolve)),
    close: async () => {
      if (timer !== null) clearTimeout(timer);
      watcher?.close();
      liveReload.close();
      await building;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
