/**
 * The live preview on a temp project: serves the build on 127.0.0.1, rebuilds when a file changes,
 * tells open pages to reload, and keeps the last good build online when a change breaks the build.
 * Every request and wait is bounded; the server is closed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type BuildOutcome, type Preview } from '../../src/serve/serve.ts';
import { LIVE_RELOAD_PATH } from '../../src/serve/live-reload.ts';
import { BuildStopped } from '../../src/errors.ts';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BBC_ARTICLE = path.resolve(PROJECT_DIR, '../shared/corpora/bbc/politics/blair-congratulates-bush-on-win.txt');
/** The longest any one request, rebuild or stream read may take before the test fails. */
const WAIT_MS = 30_000;

let project: string;
let preview: Preview;
const log: string[] = [];
/** The preview's progress displays and log lines, in order: "new", "progress STAGE", "finish", "log LINE". */
const shown: string[] = [];

/** Rejects when `promise` takes longer than WAIT_MS, naming what was awaited. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The first build, from now on, whose outcome passes `accept`. An editor's save can arrive as more
 * than one file event, so a change may cause more than one build; tests wait for the one they mean.
 */
async function buildWhere(accept: (outcome: BuildOutcome) => boolean, what: string): Promise<BuildOutcome> {
  return within(
    (async () => {
      for (;;) {
        const outcome = await preview.nextBuild();
        if (accept(outcome)) return outcome;
      }
    })(),
    what,
  );
}

/** The preview's live-reload stream, read as text: next() reads until the text holds `marker` and returns what came since the last call. */
async function eventStream(): Promise<{ readonly type: string | null; next(marker: string): Promise<string>; close(): Promise<void> }> {
  const stream = await fetch(`${new URL(preview.url).origin}${LIVE_RELOAD_PATH}`, { signal: AbortSignal.timeout(WAIT_MS) });
  const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let unread = '';
  return {
    type: stream.headers.get('content-type'),
    next: (marker) =>
      within(
        (async () => {
          while (!unread.includes(marker)) {
            const { value, done } = await reader.read();
            if (done) throw new Error(`the live-reload stream ended before "${marker}"`);
            unread += decoder.decode(value, { stream: true });
          }
          const end = unread.indexOf(marker) + marker.length;
          const read = unread.slice(0, unread.indexOf('\n\n', end) === -1 ? end : unread.indexOf('\n\n', end) + 2);
          unread = unread.slice(read.length);
          return read;
        })(),
        `"${marker}" on the live-reload stream`,
      ),
    close: () => reader.cancel(),
  };
}

async function get(url: string): Promise<{ status: number; type: string; body: string; location: string | null }> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(WAIT_MS) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text(), location: response.headers.get('location') };
}

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'broadsheet-serve-'));
  await cp(path.join(PROJECT_DIR, 'seeds'), path.join(project, 'seeds'), { recursive: true });
  await cp(path.join(PROJECT_DIR, 'templates'), path.join(project, 'templates'), { recursive: true });
  await mkdir(path.join(project, 'content'));
  await writeFile(path.join(project, 'broadsheet.config.json'), JSON.stringify({ title: 'Preview Desk', basePath: '/news/' }));
  const progress = (): { listener: (stage: string) => void; finish(): void } => {
    shown.push('new');
    return { listener: (stage) => void shown.push(`progress ${stage}`), finish: () => void shown.push('finish') };
  };
  const record = (line: string): void => {
    log.push(line);
    shown.push(`log ${line}`);
  };
  preview = await within(serve({ projectDir: project, flags: {}, port: 0, debounceMs: 100, log: record, progress }), 'the first build');
});

afterAll(async () => {
  await preview?.close();
  await rm(project, { recursive: true, force: true });
});

describe('broadsheet serve', () => {
  it('serves the build on 127.0.0.1 under the base path, with content types, folders, redirects and the 404 page', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
    const home = await get(preview.url);
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(home.body).toContain('Preview Desk');
    expect((await get(`${preview.url}assets/style.css`)).type).toBe('text/css; charset=utf-8');
    expect((await get(`${preview.url}api/articles.json`)).type).toBe('application/json; charset=utf-8');
    expect((await get(`${preview.url}pagefind/pagefind-ui.js`)).status).toBe(200);
    const folder = await get(`${preview.url}topics`);
    expect([folder.status, folder.location]).toEqual([301, '/news/topics/']);
    const root = await get(preview.url.replace(/news\/$/, ''));
    expect([root.status, root.location]).toEqual([301, '/news/']);
    const missing = await get(`${preview.url}no/such/page/`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect((await get(`${preview.url}..%2f..%2fbroadsheet.config.json`)).status).toBe(404);
  });

  it('gives each build a progress display of its own, cleared before each line it logs', () => {
    const first = shown.slice(0, shown.findIndex((e) => e.startsWith('log ')) + 1);
    expect(first[0]).toBe('new');
    expect(new Set(first.filter((e) => e.startsWith('progress ')))).toEqual(new Set(['progress parse', 'progress render', 'progress search']));
    expect(first.slice(-2)).toEqual(['finish', expect.stringMatching(/^log first build: built 3 articles/)]);
    for (const [i, event] of shown.entries()) if (event.startsWith('log ') && shown[i - 1] !== 'finish') expect(shown[i - 1]).toMatch(/^log /);
  });

  it('injects the live-reload script into served HTML only, never into the output folder', async () => {
    expect((await get(preview.url)).body).toContain(LIVE_RELOAD_PATH);
    const onDisk = await readFile(path.join(project, 'dist', 'index.html'), 'utf8');
    expect(onDisk).toContain('Preview Desk');
    expect(onDisk).not.toContain(LIVE_RELOAD_PATH);
  });

  it('rebuilds when an article is added and tells open pages to reload', async () => {
    const stream = await eventStream();
    expect(stream.type).toBe('text/event-stream; charset=utf-8');
    const events = stream.next('event: reload');

    const [headline = '', ...body] = (await readFile(BBC_ARTICLE, 'utf8')).split('\n');
    const rebuilt = buildWhere((o) => o.ok && o.result.articles === 4, 'the rebuild after adding content/blair.md');
    await writeFile(path.join(project, 'content', 'blair.md'), `---\ntitle: ${JSON.stringify(headline.trim())}\ndate: 2004-11-04\n---\n\n${body.join('\n').trim()}\n`);
    await rebuilt;
    expect(await events).toContain('event: reload');
    await stream.close();
    expect((await get(preview.url)).body).toContain(headline.trim());
    expect(log.some((line) => line.includes('content/blair.md') && line.includes('built 4 articles'))).toBe(true);
  });

  it('keeps serving the last good build when a template breaks, prints the error and tells open pages', async () => {
    const template = path.join(project, 'templates', 'home.njk');
    const good = await readFile(template, 'utf8');
    const open = await eventStream();
    const failed = buildWhere((o) => !o.ok, 'the failed rebuild after breaking home.njk');
    await writeFile(template, `${good}\n{% if %}\n`);
    await failed;
    const printed = log.find((line) => line.startsWith('broadsheet: ') && line.includes('home.njk'));
    expect(printed).toBeDefined();
    expect(log.some((line) => /Still serving the last good build/.test(line))).toBe(true);
    const home = await get(preview.url);
    expect(home.status).toBe(200);
    expect(home.body).toContain('Preview Desk');
    // The open page is told, with the line printed; a page opened now is told at once.
    const told = { message: printed!.slice('broadsheet: '.length) };
    expect(await open.next('event: failed')).toContain(`data: ${JSON.stringify(told)}\n`);
    const later = await eventStream();
    expect(await later.next('event: failed')).toContain(`data: ${JSON.stringify(told)}\n`);

    const fixed = buildWhere((o) => o.ok, 'the rebuild after fixing home.njk');
    await writeFile(template, good);
    await fixed;
    expect(await open.next('event: reload')).toContain('event: reload');
    await open.close();
    await later.close();
    // Fixed: a page opened now is not told of the failure.
    const fresh = await eventStream();
    const first = await fresh.next('broadsheet live reload');
    await fresh.close();
    expect(first).not.toContain('event: failed');
  });

  it('keeps serving when an included partial breaks: Nunjucks used to throw that from a queued callback and end the process', async () => {
    const partial = path.join(project, 'templates', 'partials', 'breadcrumbs.njk');
    const good = await readFile(partial, 'utf8');
    const failed = buildWhere((o) => !o.ok, 'the failed rebuild after breaking partials/breadcrumbs.njk');
    await writeFile(partial, `${good}\n{% if %}\n`);
    await failed;
    expect(log).toContainEqual(expect.stringMatching(/^broadsheet: templates\/partials\/breadcrumbs\.njk:\d+: template syntax error: unexpected token: %\} \(column 7\)$/));
    expect((await get(preview.url)).status).toBe(200);

    const fixed = buildWhere((o) => o.ok, 'the rebuild after fixing partials/breadcrumbs.njk');
    await writeFile(partial, good);
    await fixed;
  });

  it("prints a bad article file's problem in the terminal and still builds the rest", async () => {
    const rebuilt = buildWhere((o) => o.ok && o.result.report.some((e) => e.file === 'content/broken.md'), 'the rebuild after adding content/broken.md');
    await writeFile(path.join(project, 'content', 'broken.md'), '---\ntitle: [unclosed\ndate: 2004-11-05\n---\n\nThe body of an article whose front matter is malformed.\n');
    await rebuilt;
    expect(log.some((line) => line.includes('content/broken.md'))).toBe(true);
    expect((await get(preview.url)).status).toBe(200);
  });

  it('rebuilds when the config file changes', async () => {
    const rebuilt = buildWhere((o) => o.ok, 'the rebuild after editing the config');
    await writeFile(path.join(project, 'broadsheet.config.json'), JSON.stringify({ title: 'Evening Desk', basePath: '/news/' }));
    await rebuilt;
    expect((await get(preview.url)).body).toContain('Evening Desk');
  });
});

describe('a folder made after the preview started', () => {
  it('is noticed when it appears and watched from then on', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'broadsheet-serve-bare-'));
    await cp(path.join(PROJECT_DIR, 'seeds'), path.join(bare, 'seeds'), { recursive: true });
    const lines: string[] = [];
    const second = await within(
      serve({ projectDir: bare, flags: { templates: path.join(PROJECT_DIR, 'templates') }, port: 0, debounceMs: 100, log: (line) => lines.push(line) }),
      'the first build without content/',
    );
    // Waits, build by build, until the served home page shows `text`.
    const untilShown = (text: string, what: string): Promise<void> =>
      within(
        (async () => {
          for (;;) {
            // Asked before the page is fetched, so a build that ends meanwhile is not missed.
            const next = second.nextBuild();
            if ((await get(second.url)).body.includes(text)) return;
            await next;
          }
        })(),
        what,
      );
    try {
      const [headline = '', ...body] = (await readFile(BBC_ARTICLE, 'utf8')).split('\n');
      const article = path.join(bare, 'content', 'blair.md');
      await mkdir(path.join(bare, 'content'));
      await writeFile(article, `---\ntitle: ${JSON.stringify(headline.trim())}\n---\n\n${body.join('\n').trim()}\n`);
      await untilShown(headline.trim(), 'the build after content/ appeared');
      // Watched recursively now: an edit inside the new folder rebuilds too.
      await writeFile(article, `---\ntitle: "Retitled by the test"\n---\n\n${body.join('\n').trim()}\n`);
      await untilShown('Retitled by the test', 'the build after editing content/blair.md');
      expect(lines.filter((l) => l.includes('content')).length).toBeGreaterThanOrEqual(2);
    } finally {
      await second.close();
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe('a preview asked to stop (Ctrl+C)', () => {
  /** A project of the tech desk (~330 articles): its builds render for long enough to be stopped part way. */
  async function techProject(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-serve-stop-'));
    await cp(path.join(PROJECT_DIR, '../shared/corpora/bbc/tech'), path.join(dir, 'seeds/tech'), { recursive: true });
    await cp(path.join(PROJECT_DIR, 'templates'), path.join(dir, 'templates'), { recursive: true });
    return dir;
  }
  /** A progress display that aborts `controller` with `reason` once render has written pages, while `armed()`. */
  const stopInRender = (controller: AbortController, reason: BuildStopped, armed: () => boolean = () => true) => () => ({
    listener: (stage: string, done: number) => {
      if (armed() && stage === 'render' && done > 0) controller.abort(reason);
    },
    finish: () => undefined,
  });

  it('stops its first build and serves nothing, leaving no output and no staging folder', async () => {
    const dir = await techProject();
    try {
      const controller = new AbortController();
      const reason = new BuildStopped('SIGINT');
      const lines: string[] = [];
      const starting = serve({ projectDir: dir, flags: {}, port: 0, log: (line) => lines.push(line), signal: controller.signal, progress: stopInRender(controller, reason) });
      await expect(within(starting, 'the stopped first build')).rejects.toBe(reason);
      expect((await readdir(dir)).filter((name) => name === 'dist' || name.startsWith('.dist-build-'))).toEqual([]);
      // Nothing to fix: no error and no advice about one.
      expect(lines).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops a rebuild under way, with the last good build still in place, and closes', async () => {
    const dir = await techProject();
    const controller = new AbortController();
    const reason = new BuildStopped('SIGINT');
    let armed = false;
    const lines: string[] = [];
    const running = await within(
      serve({ projectDir: dir, flags: {}, port: 0, debounceMs: 100, log: (line) => lines.push(line), signal: controller.signal, progress: stopInRender(controller, reason, () => armed) }),
      'the first build',
    );
    try {
      const home = (await get(running.url)).body;
      armed = true;
      const rebuilt = running.nextBuild();
      // A template edit: every page renders again.
      await writeFile(path.join(dir, 'templates/base.njk'), `${await readFile(path.join(dir, 'templates/base.njk'), 'utf8')}\n{# edited #}\n`);
      const outcome = await within(rebuilt, 'the stopped rebuild');
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? null : outcome.error).toBe(reason);
      expect(lines.filter((line) => /broadsheet:|Still serving/.test(line))).toEqual([]);
      expect((await get(running.url)).body).toBe(home);
      expect((await readdir(dir)).filter((name) => name.startsWith('.dist-build-'))).toEqual([]);
    } finally {
      await within(running.close(), 'the preview to close');
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('`broadsheet serve` on the command line', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('prints its address, serves, and stops cleanly on SIGTERM', async () => {
    const tsx = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx');
    child = spawn(tsx, [path.join(PROJECT_DIR, 'src', 'cli.ts'), 'serve', '--port', '0', '--out', 'preview-out'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    const running = child;
    let output = '';
    const address = await within(
      new Promise<string>((resolve, reject) => {
        running.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          // Only a whole line: stdout may arrive cut anywhere, even inside the address.
          const match = /Serving (http:\/\/127\.0\.0\.1:\d+\/\S*) · /.exec(output);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        running.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      }),
      'the CLI to start serving',
    );
    expect(address).toMatch(/\/news\/$/);
    expect((await get(address)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => running.on('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    expect(await within(exited, 'the CLI to stop')).toBe(0);
  });
});
