/**
 * Two hot Nunjucks 3.2 runtime functions, replaced by faster ones that give the same results.
 * Rendering ~21,000 pages at 5x, they cost ~2.4 s and ~1 s of CPU across both threads:
 * - `Frame.prototype.set` splits every name on '.' (to allow `set a.b = 1`), and every loop
 *   iteration calls it eight times (the item, then loop.index, loop.index0 … loop.length), so
 *   each iteration made eight arrays; the split of each name is now made once and kept.
 * - `lib.escape`, which autoescaping calls on every printed value, runs a replace with a
 *   callback even on text with nothing to escape (most of a page's text: hrefs, dates, counts);
 *   such text is now returned as it is, which is what the replace returns.
 * Each original is checked against the source it was written for: a Nunjucks release that
 * changes either makes the build fail at once, naming this file, rather than render differently.
 */
import nunjucks from 'nunjucks';

/** What the patched functions look like in the Nunjucks release this file was written for (whitespace ignored). */
const EXPECTED = {
  set: "function set(name, val, resolveUp) { // Allow variables with dots by automatically creating the // nested structure var parts = name.split('.'); var obj = this.variables; var frame = this; if (resolveUp) { if (frame = this.resolve(parts[0], true)) { frame.set(name, val); return; } } for (var i = 0; i < parts.length - 1; i++) { var id = parts[i]; if (!obj[id]) { obj[id] = {}; } obj = obj[id]; } obj[parts[parts.length - 1]] = val; }",
  escape: 'function escape(val) { return val.replace(escapeRegex, lookupEscape); }',
} as const;

/** The characters lib.escape replaces (its own escapeRegex, without the global flag, so test() keeps no state). */
const ESCAPABLE = /[&"'<>\\]/;

interface FrameLike {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): FrameLike | undefined;
  set(name: string, val: unknown, resolveUp?: boolean): void;
}

interface NunjucksInternals {
  readonly runtime: { readonly Frame: { prototype: FrameLike } };
  readonly lib: { escape: (val: string) => string };
}

let done = false;

/** Replaces Frame.prototype.set and lib.escape once per thread; throws if Nunjucks is not the shape they were written for. */
export function speedUpNunjucks(): void {
  if (done) return;
  const internals = nunjucks as unknown as NunjucksInternals;
  const frame = internals.runtime.Frame.prototype;
  const lib = internals.lib;
  assertNunjucksShape({ set: frame.set, escape: lib.escape });
  assertEscapesOnly(lib.escape);
  frame.set = setWithKeptSplits;
  const escape = lib.escape;
  lib.escape = (val: string): string => (ESCAPABLE.test(val) ? escape(val) : val);
  done = true;
}

/** Throws unless both functions are the Nunjucks 3.2 code this file replaces, compared by source text (whitespace ignored). */
export function assertNunjucksShape(found: { readonly set: unknown; readonly escape: unknown }): void {
  for (const name of ['set', 'escape'] as const) {
    if (normalise(String(found[name])) !== EXPECTED[name]) {
      throw new Error(`Nunjucks changed its ${name}() (not the 3.2 code src/render/speed-up-nunjucks.ts replaces): review that file against the new release`);
    }
  }
}

/**
 * Throws unless `escape` changes exactly the characters ESCAPABLE names. Its source text alone
 * would not say so: it reads its character set from a table beside it, and a release that escaped
 * one more character would keep the same text while the fast path let that character through.
 */
export function assertEscapesOnly(escape: (val: string) => string): void {
  const changes = (text: string): boolean => escape(text) !== text;
  // Every UTF-16 code unit but the ones ESCAPABLE names, once each: one call.
  const unescaped = Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit))
    .filter((char) => !ESCAPABLE.test(char))
    .join('');
  if (changes(unescaped) || [...'&"\'<>\\'].some((char) => !changes(char))) {
    throw new Error('Nunjucks changed the characters its escape() replaces (not the 3.2 set src/render/speed-up-nunjucks.ts relies on): review that file against the new release');
  }
}

/** Names split on '.', by name: names come from the templates' text, so there are a few dozen. */
const splits = new Map<string, readonly string[]>();

/** Frame.prototype.set as Nunjucks 3.2 writes it (see EXPECTED.set), with each name's split kept. */
function setWithKeptSplits(this: FrameLike, name: string, val: unknown, resolveUp?: boolean): void {
  let parts = splits.get(name);
  if (parts === undefined) splits.set(name, (parts = name.split('.')));
  if (resolveUp) {
    const owner = this.resolve(parts[0]!, true);
    if (owner) {
      owner.set(name, val);
      return;
    }
  }
  let obj = this.variables;
  for (let i = 0; i < parts.length - 1; i++) {
    const id = parts[i]!;
    if (!obj[id]) obj[id] = {};
    obj = obj[id] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]!] = val;
}

function normalise(source: string): string {
  return source.replace(/\s+/g, ' ').trim();
}
