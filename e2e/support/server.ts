import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClimalog } from './climalog-process';

export type RunningServer = { url: string; dataDir: string; output: () => string; stop: () => Promise<void> };

/**
 * The real server (node apps/server/dist/main.js) on a free port, with an empty DATA_DIR (so the
 * embedded database and the mail outbox) and PUBLIC_URL=http://localhost:<port>.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'climalog-e2e-'));
  const server = await startClimalog({
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    SIGNUP: 'open',
    // Whatever the developer's shell says: the embedded database and the outbox, not SMTP.
    DATABASE_URL: '',
    SMTP_URL: '',
  });
  const stop = async () => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      const timeout = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
      await server.exited;
      clearTimeout(timeout);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url: server.url, dataDir, output: server.output, stop };
}
