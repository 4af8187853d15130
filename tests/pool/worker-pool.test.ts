/** The worker pool: errors cross back with their file and line, and the previous output stays. */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BroadsheetError } from '../../src/errors.ts';
import { PROJECT_DIR, buildProject, makeProject, restoreWorkerCountAfterEach } from '../hostile/hostile-site.ts';

restoreWorkerCountAfterEach();

describe('worker pool', () => {
  it('reports a template error from a worker as a BroadsheetError naming the template', async () => {
    process.env['BROADSHEET_WORKERS'] = '1';
    const root = await makeProject({});
    await cp(path.join(PROJECT_DIR, 'templates'), path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/article.njk'), '{% extends "base.njk" %}{% block main %}{{ article.title | nosuchfilter }}{% endblock %}');
    const failure = await buildProject(root, { templates: 'templates' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BroadsheetError);
    expect((failure as BroadsheetError).file).toBe('templates/article.njk');
    expect((failure as BroadsheetError).message).toMatch(/template error while rendering articles\/.*nosuchfilter/s);
  });
});
