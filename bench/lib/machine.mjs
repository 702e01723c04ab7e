import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * @typedef {object} Machine
 * @property {string} cpuModel
 * @property {number} cpuCount
 * @property {number} memoryGiB
 * @property {string} node
 * @property {string} os
 * @property {string} database  what the server ran on, e.g. "embedded (PGlite)" or "PostgreSQL 15.20"
 * @property {string} date  ISO date and time of the run
 */

/** The distribution's name, from /etc/os-release where there is one. */
function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty) return `${pretty} (${os.platform()} ${os.release()})`;
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()}`;
}

/** The commit the code was at, so a result says what it measured. */
export function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

/**
 * What the numbers were measured on.
 * @param {string} database
 * @returns {Machine}
 */
export function describeMachine(database) {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: osName(),
    database,
    date: new Date().toISOString(),
  };
}
