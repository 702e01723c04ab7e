import { execSync } from 'node:child_process';
import { REPO_ROOT } from './paths';

/**
 * Vitest globalSetup of the e2e project: builds the web app and the server once per run, so the
 * browser and process tests always exercise the code as it is now, never a stale build.
 */
export default function setup(): void {
  execSync('npm run build --silent', { cwd: REPO_ROOT, stdio: 'inherit' });
}
