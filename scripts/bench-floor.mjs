/**
 * The benchmark's floor (see bench.ts): read every input, write one string-templated HTML file per
 * article; nothing else. Plain JavaScript run by node with no loader, so its time is the work
 * alone: run through tsx, as it once was, its start-up added ~0.15-0.25 s a run (5x: 0.85-0.99 s
 * against 0.71-0.73 s), which flattered every "× floor" ratio. One file after another,
 * synchronously: on this machine that is the cheapest way (written 32 at a time, libuv's threads
 * contend in the kernel for the folder they all write into: 7.3-7.9 s wall and 11-12 s CPU at
 * 25x, against 5.1-5.5 s and 5 s one by one).
 *
 *   node scripts/bench-floor.mjs SEEDS_DIR OUT_DIR
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

const [seeds, out] = process.argv.slice(2);
if (seeds === undefined || out === undefined) {
  process.stderr.write('usage: node scripts/bench-floor.mjs SEEDS_DIR OUT_DIR\n');
  process.exit(2);
}
const files = await fg('**/*.txt', { cwd: seeds });
/** @param {string} s */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
for (const file of files) {
  const text = readFileSync(path.join(seeds, file), 'utf8');
  const [title = '', ...rest] = text.split('\n');
  const body = rest
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escape(l)}</p>`)
    .join('\n');
  const dir = path.join(out, file.replace(/\.txt$/, ''));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>\n<body><h1>${escape(title)}</h1>\n${body}\n</body></html>\n`);
}
process.stdout.write(`Floor: ${files.length} articles\n`);
