/** The worker pool: errors cross back with their file and line, and the previous output stays. */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BroadsheetError } from '../../src/errors.ts';
import { siblingModule } from '../../src/pool/worker-pool.ts';
import { PROJECT_DIR, buildProject, makeProject, restoreWorkerCountAfterEach } from '../hostile/hostile-site.ts';

restoreWorkerCountAfterEach();

describe('worker pool', () => {
  it('reports a template error from a worker as a BroadsheetError naming the template', async () => {
    process.env['BROADSHEET_WORKERS'] = '1';
    const root = await makeProject({});
    await cp(path.join(PROJECT_DIR, 'templates'), path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}{{ article.title.nosuchmethod() }}{% endblock %}');
    const failure = await buildProject(root, { templates: 'templates' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BroadsheetError);
    expect((failure as BroadsheetError).file).toBe('templates/article.njk');
    expect((failure as BroadsheetError).message).toMatch(/template error while rendering articles\/.*nosuchmethod/s);
  });
});

describe('siblingModule', () => {
  it('names a worker module beside the caller with the caller’s extension: .ts from source, .js compiled', () => {
    expect(siblingModule('build-worker', 'file:///p/src/pool/build-tasks.ts').href).toBe('file:///p/src/pool/build-worker.ts');
    expect(siblingModule('build-worker', 'file:///p/node_modules/.cache/broadsheet/cli-1/chunk-AB12.js').href).toBe('file:///p/node_modules/.cache/broadsheet/cli-1/build-worker.js');
    expect(siblingModule('term-count-worker', 'file:///p/lib/term-counter.mjs').href).toBe('file:///p/lib/term-count-worker.mjs');
  });
});
