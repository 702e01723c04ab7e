import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * A process's memory from /proc/<pid>/status (Linux): resident set size now (VmRSS) and its
 * highest since the process started (VmHWM), in MiB; null where /proc is not there.
 * @param {number} pid
 * @returns {{ rssMiB: number, hwmMiB: number } | null}
 */
export function readMemory(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kib = (/** @type {string} */ field) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  const rss = kib('VmRSS');
  const hwm = kib('VmHWM');
  if (!Number.isFinite(rss) || !Number.isFinite(hwm)) return null;
  return { rssMiB: rss / 1024, hwmMiB: hwm / 1024 };
}

/**
 * @typedef {object} MemorySamples
 * @property {number} samples  how many readings were taken
 * @property {number} peakRssMiB  the highest VmRSS read
 * @property {number} hwmMiB  VmHWM at the end (catches a peak between two readings)
 * @property {number} endRssMiB
 */

/**
 * Reads a process's memory every `intervalMs` until stopped.
 * @param {number} pid
 * @param {number} [intervalMs]
 * @returns {{ stop: () => MemorySamples | null }}
 */
export function sampleMemory(pid, intervalMs = 50) {
  let samples = 0;
  let peak = 0;
  const read = () => {
    const m = readMemory(pid);
    if (!m) return null;
    samples += 1;
    peak = Math.max(peak, m.rssMiB);
    return m;
  };
  read();
  const timer = setInterval(read, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      const last = read();
      if (!last) return null;
      return { samples, peakRssMiB: peak, hwmMiB: last.hwmMiB, endRssMiB: last.rssMiB };
    },
  };
}

/**
 * CPU seconds (user + system, all threads) a process has used, from /proc/<pid>/stat.
 * @param {number} pid
 * @returns {number | null}
 */
export function readCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields after it start behind the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

/**
 * @typedef {object} CpuTime  CPU seconds used by the server and by this client over `seconds`
 * @property {number} seconds
 * @property {number} server
 * @property {number} client
 */

/**
 * Measures the CPU time the server and this client process used between start and stop.
 * @param {number} serverPid
 * @returns {{ stop: () => CpuTime }}
 */
export function cpuMeter(serverPid) {
  const wall0 = performance.now();
  const server0 = readCpuSeconds(serverPid);
  const client0 = process.cpuUsage();
  return {
    stop: () => {
      const server1 = readCpuSeconds(serverPid);
      const client = process.cpuUsage(client0);
      return {
        seconds: (performance.now() - wall0) / 1000,
        server: server0 === null || server1 === null ? NaN : server1 - server0,
        client: (client.user + client.system) / 1e6,
      };
    },
  };
}

/**
 * CPU use in percent of one core (200 = two cores fully used), over one or more measurements.
 * @param {CpuTime[]} times
 */
export function cpuPercent(times) {
  const sum = (/** @type {(t: CpuTime) => number} */ f) => times.reduce((a, t) => a + f(t), 0);
  const seconds = sum((t) => t.seconds);
  return {
    serverCpuPercent: Math.round((sum((t) => t.server) / seconds) * 100),
    clientCpuPercent: Math.round((sum((t) => t.client) / seconds) * 100),
  };
}
