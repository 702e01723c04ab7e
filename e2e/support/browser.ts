import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_PATH, hasChromium } from './paths';
import { startServer, type RunningServer } from './server';

/** Debian's Chromium, headless, as the CI runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * True when Debian's Chromium is not installed, after a notice naming the flow that is skipped:
 * for `describe.skipIf(chromiumMissing('the … flow'))`.
 */
export function chromiumMissing(flow: string): boolean {
  if (hasChromium()) return false;
  console.warn(
    `[e2e] Skipping ${flow}: ${CHROMIUM_PATH} does not exist. ` +
      'Install Debian’s Chromium (apt-get install chromium) to run the browser tests.',
  );
  return true;
}

export type ServerAndBrowser = { server: RunningServer; browser: Browser };

/**
 * Called in a describe block: starts the real server (see startServer) and Chromium before its
 * tests and stops both after them. The returned object is filled in by the time the tests run.
 */
export function useServerAndBrowser(): ServerAndBrowser {
  const suite = {} as ServerAndBrowser;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
