import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { REPO_ROOT, SERVER_MAIN } from './climalog-process';

/** The built web app, which the server serves at /app/. */
export const WEB_INDEX = fileURLToPath(new URL('../../apps/web/dist/index.html', import.meta.url));

/** Debian's Chromium, driven through playwright-core (no browser download). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);
