import { execSync } from 'node:child_process';
import { REPO_ROOT } from './paths';

/**
 * Vitest globalSetup of the e2e project: builds the web app and the server once per run, so the
 * browser and process tests always exercise the code as it is now, never a stale build.
 */
export default function setup(): void {
  // The e2e and quality projects both need the build: once per test run is enough.
  if (process.env.CLIMALOG_TEST_BUILD_DONE === '1') return;
  // Vitest runs with NODE_ENV=test, which would make Vite bundle development React: build as users get it.
  execSync('npm run build --silent', {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.env.CLIMALOG_TEST_BUILD_DONE = '1';
}
