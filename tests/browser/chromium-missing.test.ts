/** Without Chromium the browser tests must fail loudly, naming the path and the install command. */
import { expect, test } from 'vitest';
import { CHROMIUM_PATH, chromiumProblem, launchChromium } from './harness/chromium.ts';

const MISSING = '/nonexistent/bin/chromium';

test('a missing browser is a failure that names the path and the apt command, under CI=true too', async () => {
  const onCi = chromiumProblem(MISSING, { CI: 'true' });
  expect(onCi).toContain(MISSING);
  expect(onCi).toContain('apt-get install -y --no-install-recommends chromium');
  expect(onCi).toContain('CI=true: this is a failure, not a skip');
  expect(chromiumProblem(MISSING, {})).toContain('the browser tests fail until it is installed');
  await expect(launchChromium(MISSING)).rejects.toThrow(`Chromium is not installed at ${MISSING}`);
});

test(`Chromium is installed at ${CHROMIUM_PATH}, where the browser tests look for it`, () => {
  expect(chromiumProblem(CHROMIUM_PATH)).toBeNull();
});
