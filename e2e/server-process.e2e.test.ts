import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startClimalog, type ClimalogProcess } from './support/climalog-process.js';

/**
 * The server as a real process on the embedded database: a second process on the same data
 * directory is refused, and SIGTERM closes the database cleanly. (That acknowledged writes survive
 * kill -9 is the crash suite's: quality/crash.quality.test.ts.)
 */
const PASSWORD = 'vriendelijk-kompas-fietst-42';
const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Api = { cookie: string; csrf: string };

async function signUp(server: ClimalogProcess): Promise<Api> {
  const res = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      companyName: 'Duurzaam Koelen',
      firstName: 'Els',
      lastName: 'Maes',
      email: 'els@duurzaam-koelen.be',
      password: PASSWORD,
    }),
  });
  expect(res.status).toBe(201);
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

describe('the server process on the embedded database', () => {
  it('refuses a second server and the CLI on the same data directory, then closes cleanly on SIGTERM', async () => {
    const dataDir = tempDir('climalog-lock-');
    const server = await startClimalog({ DATA_DIR: dataDir });
    const second = await startClimalog({ DATA_DIR: dataDir }, { waitReady: false });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Climalog process/);
    const cli = spawnSync(
      process.execPath,
      [
        `${REPO_ROOT}apps/server/dist/cli.js`,
        'accounts:create',
        '--name',
        'X',
        '--admin-email',
        'x@y.be',
        '--admin-password',
        PASSWORD,
      ],
      {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/stop that process first/);
    await signUp(server);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // After a clean stop the CLI may open it, and sees the data.
    const after = spawnSync(
      process.execPath,
      [
        `${REPO_ROOT}apps/server/dist/cli.js`,
        'accounts:create',
        '--name',
        'Tweede',
        '--admin-email',
        'tweede@y.be',
        '--admin-password',
        PASSWORD,
      ],
      {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    expect(after.status, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual({ accountId: expect.any(String), userId: expect.any(String) });
  });
});
