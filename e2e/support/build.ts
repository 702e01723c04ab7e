import { execSync } from 'node:child_process';
import { REPO_ROOT } from './paths';

/**
 * Vitest globalSetup of the e2e project: builds the web app and the server once per run, so the
 * browser and process tests always exercise the code as it is now, never a stale build.
 */
export default function setup(): void {
  // Vitest runs with NODE_ENV=test, which would make Vite bundle development React: build as users get it.
  execSync('npm run build --silent', {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
