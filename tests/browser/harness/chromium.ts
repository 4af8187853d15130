/** Launching Debian's Chromium through playwright-core, and failing loudly when it is not installed. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package puts the browser; playwright-core never downloads one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The command that installs it, as .ci/run runs it. */
export const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

/**
 * Flags for a sandboxed, offline machine: root needs --no-sandbox, and the background-networking
 * flags stop Chromium from calling Google's hosts, which this machine's closed network refuses.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Why the browser tests cannot run with `executablePath`, or null when the browser is there. */
export function chromiumProblem(executablePath: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (existsSync(executablePath)) return null;
  const where = env.CI === 'true' ? 'CI=true: this is a failure, not a skip' : 'the browser tests fail until it is installed';
  return `Chromium is not installed at ${executablePath}, so the browser tests cannot run (${where}). Install it with: ${CHROMIUM_INSTALL}`;
}

/** Starts headless Chromium, or throws the loud message of chromiumProblem(). */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  const problem = chromiumProblem(executablePath);
  if (problem !== null) throw new Error(problem);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
