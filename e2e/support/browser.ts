import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

/** Debian's Chromium, headless, as the CI runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
