import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { downloadTo, signUpWithApiKey } from '../lib/api.mjs';
import { getAndDiscard, keepAliveAgent, probe } from '../lib/load.mjs';
import { summarizeGcTrace } from '../lib/gc-trace.mjs';
import { cpuMeter, cpuPercent, readMemory, sampleMemory } from '../lib/proc.mjs';
import { defineScenario } from '../lib/scenario.mjs';
import { seedInstallations } from '../lib/seed.mjs';
import { ratio, round, summarize } from '../lib/stats.mjs';

/**
 * Is the installations export (GET /installations?format=xlsx) streamed, so memory stays flat
 * however many rows? The same export at growing sizes on one tenant, each on a freshly started
 * server: its resident memory right before, the highest during the export (read every 50 ms), and
 * from --trace-gc the JS heap at its highest and what stays alive after full collections.
 */

/**
 * Counts the data rows of the first sheet (without the header) with exceljs's streaming reader.
 * @param {string} file
 */
async function countRows(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  let rows = 0;
  /** @type {unknown[]} */
  let header = [];
  for await (const sheet of reader) {
    for await (const row of /** @type {AsyncIterable<ExcelJS.Row>} */ (/** @type {unknown} */ (sheet))) {
      if (row.number === 1) header = /** @type {unknown[]} */ (row.values);
      else rows += 1;
    }
    break;
  }
  return { rows, header };
}

export default defineScenario({
  name: 'export-memory',
  description: 'xlsx export of 10 000 and 100 000 installations: duration, rows/s, server peak RSS',
  run: async ({ quick, openEnvironment, scratchDir, log }) => {
    const sizes = quick ? [1_000, 5_000] : [10_000, 50_000, 100_000];
    // --trace-gc: the JS heap kept alive (after full collections), apart from garbage not yet collected.
    const env = await openEnvironment({ nodeFlags: ['--trace-gc'] });
    const api = await signUpWithApiKey(env.server().url);
    /** @type {Record<string, unknown>[]} */
    const measured = [];
    let seeded = 0;
    for (const size of sizes) {
      log(`seeding installations ${seeded}–${size} through SQL`);
      const t0 = performance.now();
      await env.withSql((sql) =>
        seedInstallations(sql, { tenantId: api.tenantId, userId: api.adminId, from: seeded, to: size }),
      );
      const seedSeconds = (performance.now() - t0) / 1000;
      seeded = size;
      // withSql leaves a freshly started server: the memory before is that of an idle server.
      const server = env.server();
      // Warm-up: one small export (the installations of one customer) loads the code paths.
      const first = await api.get('/customers?limit=1&sort=name');
      await downloadTo(
        api,
        `/installations?format=xlsx&customerId=${first.items[0].id}`,
        join(scratchDir, 'warm-up.xlsx'),
      );
      await new Promise((r) => setTimeout(r, 1000));
      const before = readMemory(server.pid);
      log(`exporting ${size} installations`);
      const file = join(scratchDir, `installations-${size}.xlsx`);
      const outputBefore = server.output().length;
      const sampler = sampleMemory(server.pid, 50);
      const cpu = cpuMeter(server.pid);
      // Meanwhile one /healthz every 100 ms: does the export leave the event loop free for others?
      const agent = keepAliveAgent(1);
      const stopProbe = new AbortController();
      const healthzProbe = probe({
        intervalMs: 100,
        signal: stopProbe.signal,
        task: () => getAndDiscard(`${server.url}/healthz`, { agent }),
      });
      const t1 = performance.now();
      const { bytes, firstByteMs } = await downloadTo(api, '/installations?format=xlsx', file);
      const seconds = (performance.now() - t1) / 1000;
      stopProbe.abort();
      const healthz = summarize((await healthzProbe).latencies, seconds);
      agent.destroy();
      const usage = cpuPercent([cpu.stop()]);
      const memory = sampler.stop();
      const gc = summarizeGcTrace(server.output().slice(outputBefore));
      const check = await countRows(file);
      if (check.rows !== size) throw new Error(`the export of ${size} installations has ${check.rows} rows`);
      if (!check.header.includes('Customer') || !check.header.includes('Id'))
        throw new Error(`unexpected header row: ${JSON.stringify(check.header)}`);
      measured.push({
        rows: size,
        seedSeconds: round(seedSeconds, 1),
        seconds: round(seconds, 2),
        firstByteSeconds: round(firstByteMs / 1000, 2),
        healthzDuringExportMs: {
          p50: round(healthz.p50, 1),
          max: round(healthz.max, 1),
          count: healthz.count,
        },
        rowsPerSecond: Math.round(size / seconds),
        fileMiB: round(bytes / 2 ** 20, 2),
        fileBytes: statSync(file).size,
        rssBeforeMiB: before ? round(before.rssMiB, 1) : null,
        hwmBeforeMiB: before ? round(before.hwmMiB, 1) : null,
        peakRssMiB: memory ? round(memory.peakRssMiB, 1) : null,
        hwmAfterMiB: memory ? round(memory.hwmMiB, 1) : null,
        peakAboveBeforeMiB: memory && before ? round(memory.peakRssMiB - before.rssMiB, 1) : null,
        memorySamples: memory?.samples ?? 0,
        jsHeapPeakMiB: round(gc.peakHeapMiB, 1),
        jsHeapLiveAfterFullGcMiB: gc.liveAfterFullMiB === null ? null : round(gc.liveAfterFullMiB, 1),
        fullGcs: gc.fullCollections,
        ...usage,
      });
    }
    const small = /** @type {any} */ (measured[0]);
    const large = /** @type {any} */ (measured.at(-1));
    const growth = ratio(large.peakAboveBeforeMiB, small.peakAboveBeforeMiB);
    // The verdict. Retained memory (JS heap alive after full collections) must not grow with the rows:
    // within 25 % between the two largest exports that had a full collection. The resident peak may
    // still rise with garbage V8 has not collected yet; it is called flat when it grows by less than
    // half as much as the rows do.
    const withFullGc = measured.filter((m) => /** @type {any} */ (m).jsHeapLiveAfterFullGcMiB !== null);
    const [retainedBefore, retainedLargest] = withFullGc
      .slice(-2)
      .map((m) => /** @type {any} */ (m).jsHeapLiveAfterFullGcMiB);
    const retainedFlat =
      retainedBefore !== undefined && retainedLargest !== undefined
        ? retainedLargest <= retainedBefore * 1.25
        : null;
    const peakFlat = growth <= 1 + (large.rows / small.rows - 1) / 2;
    const verdict =
      retainedFlat === null
        ? `Memory: no full collection ran in two exports, so what the export keeps alive cannot be told apart from garbage; resident peak ${peakFlat ? 'flat' : 'NOT flat'} (${growth}× for ${large.rows / small.rows}× the rows).`
        : `Memory ${retainedFlat && peakFlat ? 'stays flat' : retainedFlat ? 'stays flat in what the export keeps alive, but its resident peak grows' : 'does NOT stay flat'}: ` +
          `alive after full collections ${retainedBefore} → ${retainedLargest} MiB (${retainedFlat ? 'level' : 'GROWING'}); ` +
          `resident peak above the idle server ${small.peakAboveBeforeMiB} → ${large.peakAboveBeforeMiB} MiB, ${growth}× for ` +
          `${large.rows / small.rows}× the rows (${peakFlat ? 'flat' : 'rising: uncollected garbage, not rows held, when what stays alive is level'}).`;
    /** One figure of every export, e.g. "1.6 / 9.6 / 47.6". */
    const list = (/** @type {(m: any) => number | null} */ pick) =>
      measured.map((m) => pick(m) ?? '–').join(' / ');
    return {
      title: 'Streaming xlsx export and memory',
      question:
        'Is GET /api/v1/installations?format=xlsx streamed, so a large export does not blow up memory? ' +
        `The same export at ${sizes.join(', ')} rows of one tenant, on a freshly started server each time.`,
      params: { sizes, installationsPerCustomer: 50, memorySampleMs: 50 },
      metrics: {
        exports: measured,
        rowsRatio: large.rows / small.rows,
        peakAboveBeforeRatio: growth,
        retainedMemoryFlat: retainedFlat,
        peakRssFlat: peakFlat,
        durationRatio: ratio(large.seconds, small.seconds),
        rowsPerSecondRatio: ratio(large.rowsPerSecond, small.rowsPerSecond),
      },
      tables: [
        {
          caption: 'Time',
          columns: [
            'rows',
            'duration s',
            'first byte s',
            'rows/s',
            'file MiB',
            '/healthz meanwhile p50 / max ms',
          ],
          rows: measured.map((/** @type {any} */ m) => [
            m.rows,
            m.seconds,
            m.firstByteSeconds,
            m.rowsPerSecond,
            m.fileMiB,
            `${m.healthzDuringExportMs.p50} / ${m.healthzDuringExportMs.max}`,
          ]),
        },
        {
          caption: 'Server memory',
          columns: [
            'rows',
            'RSS before MiB',
            'peak RSS MiB',
            'peak − before MiB',
            'VmHWM before → after MiB',
            'JS heap peak MiB',
            'JS heap after full GC MiB (count)',
            'server CPU',
          ],
          rows: measured.map((/** @type {any} */ m) => [
            m.rows,
            m.rssBeforeMiB,
            m.peakRssMiB,
            m.peakAboveBeforeMiB,
            `${m.hwmBeforeMiB} → ${m.hwmAfterMiB}`,
            m.jsHeapPeakMiB,
            m.fullGcs ? `${m.jsHeapLiveAfterFullGcMiB} (${m.fullGcs})` : 'no full GC',
            `${m.serverCpuPercent} %`,
          ]),
        },
      ],
      notes: [
        verdict,
        `Duration ${list((m) => m.seconds)} s for ${sizes.join(' / ')} rows (rows/s ${list((m) => m.rowsPerSecond)}): ` +
          'falling rows/s means each batch of 1 000 rows costs more as the table grows. The first byte ' +
          'should come long before the end (streamed), and /healthz, probed every 100 ms meanwhile, should ' +
          'stay fast (the export leaves the event loop to other requests).',
        `Resident memory above the idle server (peak − before): ${list((m) => m.peakAboveBeforeMiB)} MiB; ` +
          `JS heap at its highest ${list((m) => m.jsHeapPeakMiB)} MiB, alive after full collections ` +
          `${list((m) => m.jsHeapLiveAfterFullGcMiB)} MiB. When what stays alive is level while the peak rises, ` +
          'the peak is garbage that V8 lets pile up until its next full collection, not rows held by the export.',
        'Rows were inserted through SQL (bench/lib/seed.mjs: 50 installations per customer, each customer ' +
          'with one location and its default building) and analysed; the row count of each file was checked ' +
          'with exceljs. The client streams the download to a file as fast as it arrives.',
      ],
    };
  },
});
