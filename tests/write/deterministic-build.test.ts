/** Two clean builds of the same input are byte-identical. */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, buildProject, listTree, makeProject } from '../hostile/hostile-site.ts';

describe('deterministic builds', () => {
  it('writes the same files with the same bytes twice', async () => {
    // The real seeds plus a whole BBC desk: enough articles for pagination, terms and neighbours.
    const root = await makeProject({});
    await cp(path.join(BBC_DIR, 'tech'), path.join(root, 'seeds/tech'), { recursive: true });
    const first = await buildProject(root, { out: 'first' });
    const second = await buildProject(root, { out: 'second' });
    expect(first.result.pages).toBeGreaterThan(300);
    const files = await listTree(first.outDir);
    expect(await listTree(second.outDir)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(first.outDir, file)), readFile(path.join(second.outDir, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
