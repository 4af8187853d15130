/**
 * Template errors are one line naming the template at fault: Nunjucks chains a line for every
 * template it was in (a dozen for a typo in a partial, 80,000 for a partial including itself),
 * and a syntax error in an included template was thrown from a queued callback, crashing the
 * build and the live preview. Every template is now compiled before a build reads an input.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { build } from '../../src/build.ts';
import { resolveConfig } from '../../src/config/config.ts';
import { BroadsheetError } from '../../src/errors.ts';
import { createNunjucksEnv } from '../../src/render/nunjucks-env.ts';
import { renderTemplate } from '../../src/render/render-page.ts';
import { checkTemplates, readNunjucksError } from '../../src/render/template-errors.ts';
import { makeProject, PROJECT_DIR, treeContents } from '../hostile/hostile-site.ts';

/** A templates folder holding `files` (relative path → text), removed when the test ends. */
async function templatesWith(files: Record<string, string>, name = 'templates'): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'broadsheet-templates-'));
  onTestFinished(() => rm(parent, { recursive: true, force: true }));
  const dir = path.join(parent, name);
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** What `run` throws, or null. */
function thrownBy(run: () => unknown): BroadsheetError | null {
  try {
    run();
    return null;
  } catch (error) {
    return error as BroadsheetError;
  }
}

/** The error renderTemplate throws for `template`, or null. */
function renderError(dir: string, template: string): BroadsheetError | null {
  return thrownBy(() => renderTemplate(createNunjucksEnv(dir, '/'), dir, { template, url: 'articles/x/', context: { title: 'Talks continue' } }));
}

describe('a template error while rendering', () => {
  it('names the partial at fault, not the templates Nunjucks had been in before, in one line', async () => {
    const dir = await templatesWith({
      'page.njk': '<main>{% include "partials/head.njk" %}\n{% include "partials/list.njk" %}</main>',
      'partials/head.njk': '<h1>{{ title }}</h1>',
      'partials/list.njk': '<ul>\n{{ missing() }}\n</ul>',
    });
    const error = renderError(dir, 'page.njk');
    expect(error).toBeInstanceOf(BroadsheetError);
    expect(error?.toString()).toBe('templates/partials/list.njk:2: template error while rendering articles/x/: Unable to call `missing`, which is undefined or falsey (column 11)');
  });

  it('says a template that includes itself may be why it ran out of stack', async () => {
    const dir = await templatesWith({ 'page.njk': '{% include "partials/loop.njk" %}', 'partials/loop.njk': 'again {% include "partials/loop.njk" %}' });
    const error = renderError(dir, 'page.njk');
    expect(error?.file).toBe('templates/partials/loop.njk');
    expect(error?.message).toBe('template error while rendering articles/x/: RangeError: Maximum call stack size exceeded (does a template include itself, directly or through others?)');
  });
});

describe('checkTemplates', () => {
  it('throws for the first template that does not compile, with its line and column; assets are no templates', async () => {
    const dir = await templatesWith({
      'page.njk': '<main>{% include "partials/typo.njk" %}</main>',
      'partials/typo.njk': '<p>\n{% if %}\n</p>',
      'assets/notes.html': '{% not a template %}',
    });
    const env = createNunjucksEnv(dir, '/');
    const thrown = thrownBy(() => checkTemplates(env, dir));
    expect(thrown).toBeInstanceOf(BroadsheetError);
    expect(thrown?.toString()).toBe('templates/partials/typo.njk:2: template syntax error: unexpected token: %} (column 7)');
    await writeFile(path.join(dir, 'partials/typo.njk'), '<p>{% if title %}{{ title }}{% endif %}</p>');
    expect(() => checkTemplates(env, dir)).not.toThrow();
  });

  it('refuses a filter nobody defined and a template named in quotes that is not there, at the line and column of the name', async () => {
    // Before, both compiled, and rendering the first page failed: "filter not found: nofilter", with no line.
    const dir = await templatesWith({
      'page.njk': '<main>\n  {% include "partials/date.njk" %}\n  {% include "partials/maybe.njk" ignore missing %}\n</main>',
      'partials/date.njk': '<p>{{ count | plural("page") }}, {{ url | href }}, {{ title | upper }}</p>\n<p>{{ date | nofilter }}</p>',
    });
    const env = createNunjucksEnv(dir, '/');
    expect(thrownBy(() => checkTemplates(env, dir))?.toString()).toBe('templates/partials/date.njk:2: template error: no filter named "nofilter" (column 14)');
    await writeFile(path.join(dir, 'partials/date.njk'), '<p>{{ date }}</p>');
    await writeFile(path.join(dir, 'page.njk'), '<main>\n  {% include "partials/date.njk" %}\n  {% include "partials/gone.njk" %}\n</main>');
    expect(thrownBy(() => checkTemplates(createNunjucksEnv(dir, '/'), dir))?.toString()).toBe('templates/page.njk:3: template error: no template "partials/gone.njk" in templates/ (column 6)');
    await writeFile(path.join(dir, 'page.njk'), '{% extends "base.njk" %}');
    expect(thrownBy(() => checkTemplates(createNunjucksEnv(dir, '/'), dir))?.toString()).toBe('templates/page.njk:1: template error: no template "base.njk" in templates/ (column 4)');
    await writeFile(path.join(dir, 'base.njk'), '<body>{% block main %}{% endblock %}</body>');
    expect(() => checkTemplates(createNunjucksEnv(dir, '/'), dir)).not.toThrow();
  });

  it('names a template from its folder\'s own name, and a folder that is not there', async () => {
    const dir = await templatesWith({ 'base.njk': '{% if %}' }, 'themes');
    expect(thrownBy(() => checkTemplates(createNunjucksEnv(dir, '/'), dir))?.toString()).toBe('themes/base.njk:1: template syntax error: unexpected token: %} (column 7)');
    // Before, each page failed in turn with "templates/home.njk: … template not found: home.njk".
    const missing = path.join(dir, 'nowhere');
    const thrown = thrownBy(() => checkTemplates(createNunjucksEnv(missing, '/'), missing));
    expect(thrown).toBeInstanceOf(BroadsheetError);
    expect(thrown?.message).toMatch(new RegExp(`^the templates folder ${missing} does not exist: .*point --templates`));
  });
});

describe('readNunjucksError', () => {
  it('takes the last template named and its position, and the cause after the chain', () => {
    const message = 'Template render error: (/t/page.njk)\n  Template render error: (/t/partials/head.njk) [Line 3, Column 1]\n  Template render error: (/t/partials/list.njk) [Line 2, Column 4]\n  Error: filter not found: upper_case';
    expect(readNunjucksError(message)).toEqual({ template: '/t/partials/list.njk', line: 2, column: 4, cause: 'filter not found: upper_case' });
    expect(readNunjucksError('template not found: missing.njk')).toEqual({ template: null, line: null, column: null, cause: 'template not found: missing.njk' });
  });
});

describe('a build with a syntax error in an included template', () => {
  it('fails before reading an input, with one line naming the partial, and leaves the output as it was', async () => {
    const root = await makeProject({});
    onTestFinished(() => rm(path.dirname(root), { recursive: true, force: true }));
    await cp(path.join(PROJECT_DIR, 'templates'), path.join(root, 'templates'), { recursive: true });
    const config = resolveConfig(root, { templates: 'templates', search: false });
    const good = await build(config, { projectDir: root });
    const before = await treeContents(good.outDir);

    // Before, Nunjucks threw this from a queued callback: an uncaught exception, which fails this test run.
    await writeFile(path.join(root, 'templates/partials/breadcrumbs.njk'), '<nav>{% if %}</nav>');
    const stages: string[] = [];
    await expect(build(config, { projectDir: root, onStage: (stage) => stages.push(stage) })).rejects.toThrow(
      expect.objectContaining({ file: 'templates/partials/breadcrumbs.njk', line: 1, message: 'template syntax error: unexpected token: %} (column 12)' }),
    );
    expect(stages).toEqual(['discover']);
    expect(await treeContents(good.outDir)).toEqual(before);
    expect((await readdir(root)).filter((name) => name.startsWith('.dist-build-'))).toEqual([]);
  });
});
