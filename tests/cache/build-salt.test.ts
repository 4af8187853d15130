/** Build salts: parsed articles depend on the code, pages also on the configuration and the templates. */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSalts } from '../../src/cache/build-salt.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { PROJECT_DIR, tempDir } from '../hostile/hostile-site.ts';

describe('buildSalts', () => {
  it('keeps the article salt when only configuration or templates change, and changes the page salt', async () => {
    const templates = path.join(await tempDir('salt'), 'templates');
    await cp(path.join(PROJECT_DIR, 'templates'), templates, { recursive: true });
    const base = resolveConfig('/project', { templates });
    const first = await buildSalts(base);
    const reconfigured = await buildSalts(resolveConfig('/project', { templates, title: 'Another archive', basePath: '/news/', search: false }));
    expect(reconfigured.articles).toBe(first.articles);
    expect(reconfigured.pages).not.toBe(first.pages);

    await writeFile(path.join(templates, 'base.njk'), '{# edited #}\n', { flag: 'a' });
    const retemplated = await buildSalts(base);
    expect(retemplated.articles).toBe(first.articles);
    expect(retemplated.pages).not.toBe(first.pages);
  });
});
