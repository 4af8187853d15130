/**
 * speedUpNunjucks(): Frame.prototype.set with each name's split kept, and lib.escape returning
 * text with nothing to escape as it is. Templates must render exactly what Nunjucks' own
 * functions render (the expected HTML below is theirs), and a Nunjucks whose functions differ
 * from the ones replaced must stop the build rather than render differently.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { createNunjucksEnv } from '../../src/render/nunjucks-env.ts';
import { assertEscapesOnly, assertNunjucksShape, speedUpNunjucks } from '../../src/render/speed-up-nunjucks.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATES = path.resolve(HERE, '../../templates');
const BBC = path.resolve(HERE, '../../../shared/corpora/bbc');
const NUNJUCKS = path.resolve(HERE, '../../node_modules/nunjucks');

/** A real BBC story: its headline has an apostrophe, its body "Ogilvy & Mather" and quoted words. */
const WPP = readFileSync(path.join(BBC, 'business/ad-firm-wpp-s-profits-surge-15.txt'), 'utf8').split('\n');
const HEADLINE = WPP[0]!;
const SENTENCE = WPP.find((line) => line.includes('Ogilvy & Mather'))!;

interface Frame {
  variables: Record<string, unknown>;
  set(name: string, val: unknown, resolveUp?: boolean): void;
  push(isolateWrites?: boolean): Frame;
}
const { Frame } = (nunjucks as unknown as { runtime: { Frame: new () => Frame } }).runtime;

describe('speedUpNunjucks', () => {
  it('is what every environment renders with, once the installed Nunjucks is the shape it was written for', () => {
    createNunjucksEnv(TEMPLATES, '/');
    const internals = nunjucks as unknown as { runtime: { Frame: { prototype: { set: { name: string } } } }; lib: { escape: (val: string) => string } };
    expect(internals.runtime.Frame.prototype.set.name).toBe('setWithKeptSplits');
    // escape is the fast one (not Nunjucks' own source), and still escapes what Nunjucks escapes.
    expect(String(internals.lib.escape).replace(/\s+/g, ' ')).not.toContain('escapeRegex');
    const plain = WPP[2]!.replace(/[&"'<>\\]/g, '');
    expect(internals.lib.escape(plain)).toBe(plain);
    expect(internals.lib.escape(SENTENCE)).toContain('Ogilvy &amp; Mather');
  });

  it('prints loop variables, nested loops and escaped text as Nunjucks does', () => {
    const env = createNunjucksEnv(TEMPLATES, '/');
    const words = SENTENCE.split(' ').slice(0, 3);
    const html = env.renderString(
      '{% for w in words %}{{ loop.index }}/{{ loop.length }} {{ loop.index0 }} {{ loop.revindex }} {{ loop.revindex0 }}{% if loop.first %} first{% endif %}{% if loop.last %} last{% endif %}: {{ w }}|{% for c in [1, 2] %}{{ loop.index }}{% endfor %}|{{ loop.index }};{% endfor %}',
      { words },
    );
    expect(html).toBe(`1/3 0 3 2 first: ${words[0]}|12|1;2/3 1 2 1: ${words[1]}|12|2;3/3 2 1 0 last: ${words[2]}|12|3;`);
    expect(env.renderString('<h1>{{ t }}</h1><p>{{ s }}</p>{{ s | safe }}', { t: HEADLINE, s: 'Ogilvy & Mather <said> "very favourable" \\ it' })).toBe(
      '<h1>Ad firm WPP&#39;s profits surge 15%</h1><p>Ogilvy &amp; Mather &lt;said&gt; &quot;very favourable&quot; &#92; it</p>Ogilvy & Mather <said> "very favourable" \\ it',
    );
  });

  it('keeps set’s dotted names, writes up to the frame that holds a name, and stops at an isolated frame', () => {
    speedUpNunjucks();
    const top = new Frame();
    top.set('loop.index', 1);
    top.set('loop.first', true);
    expect(top.variables['loop']).toEqual({ index: 1, first: true });
    top.set('headline', HEADLINE);
    const inner = top.push();
    inner.set('headline', SENTENCE, true);
    expect(top.variables['headline']).toBe(SENTENCE);
    expect(inner.variables['headline']).toBeUndefined();
    const isolated = inner.push(true);
    isolated.set('headline', HEADLINE, true);
    expect(isolated.variables['headline']).toBe(HEADLINE);
    expect(top.variables['headline']).toBe(SENTENCE);
    // A `set` inside a loop updates the variable the template set before it.
    const env = createNunjucksEnv(TEMPLATES, '/');
    expect(env.renderString('{% set n = 0 %}{% for w in words %}{% set n = n + w.length %}{% endfor %}{{ n }}', { words: ['WPP', 'profits'] })).toBe('10');
  });

  it('fails loudly on a Nunjucks whose set() or escape() is not the code it replaces', () => {
    const escape = (val: string): string => val;
    const set = function set(this: Frame, name: string, val: unknown): void {
      this.variables[name] = val;
    };
    // The installed release's own functions, from its files (the ones in memory may be replaced already).
    const runtime = readFileSync(path.join(NUNJUCKS, 'src/runtime.js'), 'utf8');
    const lib = readFileSync(path.join(NUNJUCKS, 'src/lib.js'), 'utf8');
    const original = { set: sourceOf(runtime, 'function set('), escape: sourceOf(lib, 'function escape(') };
    expect(() => assertNunjucksShape(original)).not.toThrow();
    expect(() => assertNunjucksShape({ ...original, set })).toThrow(/Nunjucks changed its set\(\).*speed-up-nunjucks\.ts/);
    expect(() => assertNunjucksShape({ ...original, escape })).toThrow(/Nunjucks changed its escape\(\)/);
  });

  it('fails loudly on an escape() that replaces other characters than the ones its fast path checks for', () => {
    // Nunjucks' own escape, from a fresh copy of its lib module (the loaded one may be patched already).
    const require = createRequire(import.meta.url);
    const libFile = require.resolve('nunjucks/src/lib.js');
    delete require.cache[libFile];
    const nunjucksEscape = (require(libFile) as { escape: (val: string) => string }).escape;
    expect(normalise(String(nunjucksEscape))).toContain('escapeRegex');
    expect(() => assertEscapesOnly(nunjucksEscape)).not.toThrow();
    expect(() => assertEscapesOnly((val) => nunjucksEscape(val).replace(/`/g, '&#96;'))).toThrow(/characters its escape\(\) replaces/);
    expect(() => assertEscapesOnly((val) => val.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`))).toThrow(/characters its escape\(\) replaces/);
  });
});

/** A function's text in a Nunjucks source file: from its head to the first line closing it at its line's indentation. */
function sourceOf(file: string, head: string): string {
  const start = file.indexOf(head);
  const indent = /^[ ]*/.exec(file.slice(file.lastIndexOf('\n', start) + 1, start))![0];
  const end = file.indexOf(`\n${indent}}`, start);
  return file.slice(start, end + indent.length + 2);
}

function normalise(source: string): string {
  return source.replace(/\s+/g, ' ');
}
