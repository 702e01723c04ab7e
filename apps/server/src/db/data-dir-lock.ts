import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The embedded database in ${dataDir} is in use by another Climalog process ` +
        `(pid ${holder.pid}, ${holder.role ?? 'unknown role'}, since ${holder.since}). ` +
        'Only one process may open it at a time: stop that process first (or run this command ' +
        'while the server is stopped), or set DATABASE_URL to use a PostgreSQL server, which many ' +
        'processes can share.',
    );
    this.name = 'DataDirLockedError';
  }
}

type LockHolder = { pid: number; host: string; since: string; role?: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock file in DATA_DIR. PGlite allows one process per data directory and two
 * processes on one directory corrupt it, so a second server or CLI is refused before it opens it.
 * A lock left behind by a process that no longer runs (after kill -9) is taken over.
 */
export function lockDataDir(dataDir: string, role: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'climalog.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), role };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
          if (holder.pid === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockHolder | undefined;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
      } catch {
        holder = undefined; // half-written or unreadable: treat as stale
      }
      if (holder && holder.host === me.host && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      if (holder && holder.host !== me.host) throw new DataDirLockedError(dataDir, holder);
      try {
        unlinkSync(file);
      } catch {
        // another process removed it first; try again
      }
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}; try again.`);
}
