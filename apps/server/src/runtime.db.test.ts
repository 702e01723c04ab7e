import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { openRuntime } from './runtime.js';
import { openTestDatabase } from './test-support/test-database.js';

const waitFor = async (condition: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
};

describe('runtime', () => {
  it('runs no job before the worker is started (a queued recompute must not starve the start-up)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'climalog-runtime-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      APP_SECRET: 'test-secret-test-secret-test-secret-0123',
      PUBLIC_URL: 'http://localhost:3000',
      LOG_LEVEL: 'silent',
    });
    const runtime = await openRuntime(config, {
      roles: ['worker'],
      purpose: 'test',
      database: await openTestDatabase(),
      log: createLogger('silent'),
    });
    try {
      const purge = vi.spyOn(runtime.deps.rateLimiter, 'purgeExpired');
      await runtime.deps.jobs.send('maintenance.purge_rate_limits', {});
      // The worker polls every second: had it been running, it would have taken the job by now.
      await new Promise((r) => setTimeout(r, 1500));
      expect(purge).not.toHaveBeenCalled();
      runtime.startWorker();
      await waitFor(() => purge.mock.calls.length > 0, 10_000);
      expect(purge).toHaveBeenCalled();
    } finally {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
