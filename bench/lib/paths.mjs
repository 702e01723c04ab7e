import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_MAIN = `${REPO_ROOT}apps/server/dist/main.js`;
export const RESULTS_DIR = `${REPO_ROOT}bench/results`;
export const SERVER_DIST = `${REPO_ROOT}apps/server/dist`;
