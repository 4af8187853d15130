/** An output folder inside an input folder: never read back as input, copied into itself or hashed into the cache's key. */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSalts } from '../../src/cache/build-salt.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { outputIgnore } from '../../src/write/output-ignore.ts';
import { buildProject, listTree, makeProject, PROJECT_DIR } from '../hostile/hostile-site.ts';

describe('outputIgnore', () => {
  it('leaves out an output folder inside the scanned folder, and nothing otherwise', () => {
    expect(outputIgnore('/p/seeds', '/p/seeds/site')).toEqual(['site', 'site/**']);
    expect(outputIgnore('/p/templates', '/p/templates/assets/out')).toEqual(['assets/out', 'assets/out/**']);
    // A folder name is a path, not a pattern:
    expect(outputIgnore('/p/seeds', '/p/seeds/[old] (site)')).toEqual(['\\[old\\] \\(site\\)', '\\[old\\] \\(site\\)/**']);
    expect(outputIgnore('/p/seeds', '/p/seeds/..site')).toEqual(['..site', '..site/**']);
    for (const out of ['/p/dist', '/p', '/p/seeds', '/p/seeds-site', '/']) expect(outputIgnore('/p/seeds', out)).toEqual([]);
    expect(outputIgnore('/p/seeds', undefined)).toEqual([]);
  });
});

describe('an output folder inside an input folder', () => {
  // An article about templates: its text, escaped into the page, still reads as Nunjucks tags.
  const templating = '---\ntitle: Writing templates\ndate: 2024-05-01\n---\nA loop is written `{% for x in items %}` and closed with `{% endfor %}`; a bare `{% if %}` does not compile.\n';

  for (const out of ['seeds/site', 'content/site', 'templates/site', 'templates/assets/site']) {
    it(`--out ${out}: the next build reads, copies and hashes only the inputs`, async () => {
      const root = await makeProject({ 'content/templating.md': templating });
      await cp(path.join(PROJECT_DIR, 'templates'), path.join(root, 'templates'), { recursive: true });
      const config = { out, templates: path.join(root, 'templates'), search: false };
      const salts = await buildSalts(resolveConfig(root, config));
      const first = await buildProject(root, config);
      const second = await buildProject(root, config);

      expect(second.result.articles).toBe(4);
      // Before, the site's robots.txt became a fifth article and every page a "skipped" line (seeds/, content/), the
      // page of the article above failed to compile as a template (templates/), and the site was copied into its own assets.
      expect(second.report.entries.filter((entry) => entry.level !== 'warning')).toEqual([]);
      expect(second.report.entries).toEqual(first.report.entries);
      expect(second.result.files).toBe(first.result.files);
      expect((await listTree(second.outDir)).filter((file) => file.startsWith(`assets${path.sep}site`))).toEqual([]);
      expect(await readdir(path.join(second.outDir, 'articles'))).toHaveLength(4);
      // The site is not part of the templates' hash (before, it was: a build after any change made every page again).
      expect(await buildSalts(resolveConfig(root, config))).toEqual(salts);
    });
  }
});
