import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, then allows it after release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'climalog-lock-'));
    const first = lockDataDir(dir, 'server');
    // Another process (not this pid) holding the lock is what matters; simulate it with our parent's pid.
    first.release();
    writeFileSync(
      join(dir, 'climalog.lock'),
      JSON.stringify({ pid: process.ppid, host: hostname(), since: 'now', role: 'server' }),
    );
    expect(() => lockDataDir(dir, 'command line')).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir, 'command line')).toThrow(/stop that process first|DATABASE_URL/);
  });

  it('takes over a lock left by a process that no longer runs (after kill -9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'climalog-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(dead.stdout.toString());
    writeFileSync(
      join(dir, 'climalog.lock'),
      JSON.stringify({ pid: deadPid, host: hostname(), since: 'then' }),
    );
    const lock = lockDataDir(dir, 'server');
    lock.release();
    expect(existsSync(join(dir, 'climalog.lock'))).toBe(false);
  });
});
