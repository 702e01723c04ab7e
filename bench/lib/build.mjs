import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

/** What the server build is made from: when any is newer than its output, it is rebuilt. */
const SOURCES = [
  'apps/server/src',
  'apps/server/package.json',
  'apps/server/tsconfig.json',
  'packages/pdf/src',
  'packages/pdf/package.json',
  'packages/compliance/src',
  'packages/compliance/package.json',
  'tsconfig.base.json',
];
const OUTPUTS = [
  'apps/server/dist/main.js',
  'apps/server/dist/documents/pdf-worker.js',
  'packages/pdf/dist/index.js',
  'packages/compliance/dist/index.js',
];

/**
 * The newest modification time (ms) under a file or directory; tests do not count.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * Whether apps/server/dist (and the packages it uses) must be rebuilt, and why.
 * @returns {string | null}
 */
export function staleBuild() {
  const outputs = OUTPUTS.map((p) => join(REPO_ROOT, p));
  const missing = outputs.find((p) => !existsSync(p));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const changed = SOURCES.find((p) => existsSync(join(REPO_ROOT, p)) && newest(join(REPO_ROOT, p)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/**
 * Builds the server (with its packages; not the web app) unless its build is newer than the sources.
 * @param {(line: string) => void} log
 */
export function ensureServerBuilt(log) {
  const reason = staleBuild();
  if (!reason) {
    log('server build is up to date (apps/server/dist)');
    return;
  }
  log(`building the server: ${reason}`);
  execSync('npm run build -w @climalog/server --silent', { cwd: REPO_ROOT, stdio: 'inherit' });
}
