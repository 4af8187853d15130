#!/usr/bin/env node
// The installed `broadsheet` command: runs the CLI compiled from src/ (see compiled-cli.js), or,
// when it cannot be compiled or BROADSHEET_FROM_SOURCE is set, src/ itself through tsx. Stack
// traces then name lines of the TypeScript; compiled, lines of the (readable, unminified) bundle.
import { compiledCli } from './compiled-cli.js';

let compiled = null;
if (!process.env.BROADSHEET_FROM_SOURCE) {
  try {
    compiled = await compiledCli();
  } catch (error) {
    process.stderr.write(`broadsheet: running from source, more slowly: could not compile it (${error?.message ?? error})\n`);
  }
}
let cli;
if (compiled === null) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
} else {
  cli = await import(compiled.href);
}
process.exitCode = await cli.main(process.argv.slice(2));
