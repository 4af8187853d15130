/**
 * Template errors as one line naming the template at fault. Nunjucks chains a "Template render
 * error: (file)" line for every template it was in, including ones it had left (a typo in a
 * partial read as a dozen lines naming header.njk and meta.njk), and a template that includes
 * itself gave 80,000 lines. And a syntax error in an included template is thrown from a queued
 * callback (Nunjucks' asap), out of reach of any try: the process crashed with its stack, and a
 * live preview with it. So every template is compiled before the build reads a single input.
 */
import fg from 'fast-glob';
import { existsSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { BroadsheetError } from '../errors.ts';
import { OWN_TEMPLATES_DIR } from '../config/config.ts';
import { outputIgnore } from '../write/output-ignore.ts';

/** What a Nunjucks error message says: the innermost template named, its line and column when given there, and the cause. */
export interface NunjucksErrorParts {
  /** Absolute path of the last template the message names, or null. */
  readonly template: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly cause: string;
}

/** One link of Nunjucks' chain: "Template render error: (/abs/x.njk) [Line 3, Column 7]", the prefix and position optional. */
const FRAME = /^(?:Template render error: )?\((.+?)\)(?: \[Line (\d+), Column (\d+)\])?$/;

/** Reads a Nunjucks error message (see NunjucksErrorParts); a message of another shape is all cause. */
export function readNunjucksError(message: string): NunjucksErrorParts {
  let template: string | null = null;
  let line: number | null = null;
  let column: number | null = null;
  const said: string[] = [];
  for (const text of message.split('\n').map((l) => l.trim())) {
    const frame = FRAME.exec(text);
    if (frame === null) {
      if (text !== '') said.push(text);
      continue;
    }
    template = frame[1]!;
    line = frame[2] === undefined ? null : Number(frame[2]);
    column = frame[3] === undefined ? null : Number(frame[3]);
  }
  const cause = said.join(' ').replace(/^Error: /, '');
  return { template, line, column, cause: cause === '' ? message : cause };
}

/**
 * A BroadsheetError for Nunjucks' `error`, told as `what` ("template error while rendering
 * articles/x/") and the cause: it names the innermost template (relative to `templatesDir`, else
 * `fallback`) and its line. Nunjucks counts lines and columns from 1 in a syntax error and from 0
 * in an error while rendering (`rendering`): "[Line 2, Column 16]" for the "(" of a call on line 3.
 */
export function templateError(error: unknown, templatesDir: string, fallback: string, what: string, rendering: boolean): BroadsheetError {
  const parts = readNunjucksError((error as Error).message ?? String(error));
  const relative = parts.template === null ? fallback : path.relative(templatesDir, parts.template).split(path.sep).join('/');
  const from = rendering ? 1 : 0;
  const line = parts.line === null ? null : parts.line + from;
  const column = parts.column === null ? '' : ` (column ${parts.column + from})`;
  // Nunjucks recurses once per include: a template that includes itself runs out of stack.
  const loop = /Maximum call stack size exceeded/.test(parts.cause) ? ' (does a template include itself, directly or through others?)' : '';
  // Named from the folder's own name, as inputs are ("templates/base.njk", "themes/base.njk" with --templates themes).
  return new BroadsheetError(`${what}: ${parts.cause}${column}${loop}`, { file: `${path.basename(templatesDir)}/${relative}`, line, cause: error });
}

const nunjucksInternals = nunjucks as unknown as NunjucksInternals;

/** The files of the templates folder Nunjucks may be asked for: its templates and partials, not assets/. */
const TEMPLATE_FILES = ['**/*.njk', '**/*.html'];

/** Compiles every template in `templatesDir` (not in the output folder `outDir`) with `env`, which keeps them, throwing a templateError for the first that does not compile. */
export function checkTemplates(env: nunjucks.Environment, templatesDir: string, outDir?: string): void {
  // Else every page fails with "template not found: home.njk", naming a file in a folder that is not there.
  if (!existsSync(templatesDir)) {
    throw new BroadsheetError(`the templates folder ${templatesDir} does not exist: every page is rendered through templates; point --templates (or "templates" in broadsheet.config.json) at a folder of them, or copy Broadsheet's own from ${OWN_TEMPLATES_DIR}`);
  }
  const names = fg.sync(TEMPLATE_FILES, { cwd: templatesDir, ignore: ['assets/**', ...outputIgnore(templatesDir, outDir)], dot: false }).sort();
  for (const name of names) {
    let template: nunjucks.Template;
    try {
      template = env.getTemplate(name, true);
    } catch (error) {
      throw templateError(error, templatesDir, name, 'template syntax error', false);
    }
    checkNames(env, template, templatesDir, name);
  }
}

/** The parts of Nunjucks' parser and syntax tree read here (the package's types do not declare them). */
interface NunjucksNode {
  readonly lineno: number;
  readonly colno: number;
  findAll(type: unknown): NunjucksNode[];
  readonly name?: { readonly value?: unknown };
  readonly template?: { readonly value?: unknown };
  readonly ignoreMissing?: boolean;
}
interface NunjucksInternals {
  readonly parser: { parse(source: string, extensions: unknown, options: unknown): NunjucksNode };
  readonly nodes: Record<'Filter' | 'Include' | 'Extends' | 'Import' | 'FromImport', unknown>;
}

/**
 * Fails on a filter no one defined, or a template named in quotes that is not there. Nunjucks
 * compiles both, and only rendering fails, with no line ("filter not found: nofilter"), a page
 * into the build; here it fails before an input is read, at the line and column of the name.
 */
function checkNames(env: nunjucks.Environment, template: nunjucks.Template, templatesDir: string, name: string): void {
  const { parser, nodes } = nunjucksInternals;
  const extensions = (env as unknown as { extensionsList: unknown }).extensionsList;
  const root = parser.parse((template as unknown as { tmplStr: string }).tmplStr, extensions, (env as unknown as { opts: unknown }).opts);
  const at = (node: NunjucksNode, message: string): BroadsheetError =>
    new BroadsheetError(`template error: ${message} (column ${node.colno + 1})`, { file: `${path.basename(templatesDir)}/${name}`, line: node.lineno + 1 });
  const filters = (env as unknown as { filters: Record<string, unknown> }).filters;
  for (const node of root.findAll(nodes.Filter)) {
    const filter = node.name?.value;
    if (typeof filter === 'string' && filters[filter] === undefined) throw at(node, `no filter named "${filter}"`);
  }
  for (const type of [nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport]) {
    for (const node of root.findAll(type)) {
      const named = node.template?.value;
      if (typeof named !== 'string' || node.ignoreMissing === true) continue;
      try {
        (env as unknown as { getTemplate(named: string, eager: boolean, parent: string): unknown }).getTemplate(named, true, name);
      } catch (error) {
        // A syntax error in the template named is told when that template's turn comes.
        if (/template not found/.test((error as Error).message)) throw at(node, `no template "${named}" in ${path.basename(templatesDir)}/`);
      }
    }
  }
}

