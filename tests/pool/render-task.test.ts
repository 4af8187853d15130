/** renderPagesNow writes each page where it is told, and a write the disk refuses names the page's path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPagesNow, type RenderTask } from '../../src/pool/render-task.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-task-'));
  await writeFile(path.join(root, 'page.njk'), '<p>{{ words }}</p>');
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A task of one page, "<p>WORDS</p>", to be written at `target`. */
function task(target: string, words: string): RenderTask {
  const prepared = { template: 'page.njk', url: 'articles/x/', context: { words } };
  return { templatesDir: root, basePath: '/', templatesHash: 'test', pages: [{ preparedJson: JSON.stringify(prepared), target, bodyFile: null }] };
}

describe('renderPagesNow', () => {
  it('renders and writes a page, making its folder, and returns its bytes', async () => {
    const target = path.join(root, 'out/articles/x/index.html');
    expect(renderPagesNow(task(target, 'Kyiv'))).toEqual([11]);
    expect(await readFile(target, 'utf8')).toBe('<p>Kyiv</p>');
  });

  it.runIf(existsSync('/dev/full'))('adds the path to an error that has none, as a full disk’s write does', () => {
    // /dev/full opens and then refuses every write with ENOSPC, as a full disk does part way.
    expect(() => renderPagesNow(task('/dev/full', 'Kyiv'))).toThrow("ENOSPC: no space left on device, write '/dev/full'");
  });
});
