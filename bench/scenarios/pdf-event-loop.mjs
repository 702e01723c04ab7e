import { performance } from 'node:perf_hooks';
import { signUpWithApiKey } from '../lib/api.mjs';
import { createExecutedWorkOrder } from '../lib/fixtures.mjs';
import { closedLoop, getAndDiscard, keepAliveAgent } from '../lib/load.mjs';
import { cpuMeter, cpuPercent } from '../lib/proc.mjs';
import { defineScenario } from '../lib/scenario.mjs';
import { ratio, round, summarize } from '../lib/stats.mjs';

/**
 * Does rendering PDFs keep the request thread free? /healthz latency alone (the baseline), then
 * the same while 20 work order PDFs are downloaded in parallel without pause, on the same server
 * in the same run. The two phases alternate over a few rounds, so a neighbour's burst on a shared
 * machine falls on both. PDFs render on worker threads (apps/server/src/documents/pdf-renderer.ts).
 */

/** @typedef {import('../lib/load.mjs').LoopResult} LoopResult */

/**
 * The loops of several rounds as one.
 * @param {LoopResult[]} loops
 */
function merged(loops) {
  return summarize(
    loops.flatMap((l) => l.latencies),
    loops.reduce((a, l) => a + l.seconds, 0),
    loops.reduce((a, l) => a + l.errors, 0),
  );
}

export default defineScenario({
  name: 'pdf-event-loop',
  description: '/healthz latency alone vs during 20 parallel work order PDF renders (50 activities)',
  run: async ({ quick, openEnvironment, log }) => {
    const p = quick
      ? {
          activities: 10,
          healthzConcurrency: 4,
          rounds: 1,
          secondsPerPhase: 1,
          pdfConcurrency: 4,
          singleRenders: 2,
        }
      : {
          activities: 50,
          healthzConcurrency: 8,
          rounds: 3,
          secondsPerPhase: 2,
          pdfConcurrency: 20,
          singleRenders: 10,
        };
    const env = await openEnvironment();
    const server = env.server();
    const api = await signUpWithApiKey(server.url);
    log(`creating a work order with ${p.activities} activities`);
    const { workOrder, installation } = await createExecutedWorkOrder(api, p.activities);
    const pdfUrl = `${server.url}/api/v1/work-orders/${workOrder.id}/document`;
    const healthzUrl = `${server.url}/healthz`;
    const healthzAgent = keepAliveAgent(p.healthzConcurrency);
    const pdfAgent = keepAliveAgent(p.pdfConcurrency);
    const healthz = () => getAndDiscard(healthzUrl, { agent: healthzAgent });
    const pdf = () => getAndDiscard(pdfUrl, { agent: pdfAgent, headers: api.headers });

    // Warm-up: fonts and code paths loaded, connections open.
    const { bytes: pdfBytes } = await pdf();
    await closedLoop({ concurrency: p.healthzConcurrency, durationMs: 500, task: healthz });

    log(`one PDF at a time, ${p.singleRenders} times`);
    /** @type {number[]} */
    const single = [];
    for (let i = 0; i < p.singleRenders; i++) {
      const t0 = performance.now();
      await pdf();
      single.push(performance.now() - t0);
    }
    const singlePdf = summarize(single, single.reduce((a, b) => a + b, 0) / 1000);

    /** @type {LoopResult[]} */
    const baselineLoops = [];
    /** @type {LoopResult[]} */
    const loadedLoops = [];
    /** @type {LoopResult[]} */
    const pdfLoops = [];
    /** @type {import('../lib/proc.mjs').CpuTime[]} */
    const baselineCpu = [];
    /** @type {import('../lib/proc.mjs').CpuTime[]} */
    const loadedCpu = [];
    const phase = { concurrency: p.healthzConcurrency, durationMs: p.secondsPerPhase * 1000, task: healthz };
    for (let round = 1; round <= p.rounds; round++) {
      log(`round ${round}/${p.rounds}: /healthz alone, then while ${p.pdfConcurrency} PDF downloads run`);
      let cpu = cpuMeter(server.pid);
      baselineLoops.push(await closedLoop(phase));
      baselineCpu.push(cpu.stop());

      const stopPdfs = new AbortController();
      const pdfLoop = closedLoop({ concurrency: p.pdfConcurrency, signal: stopPdfs.signal, task: pdf });
      // Let every PDF request reach the server (and the render queue fill) before measuring.
      await new Promise((r) => setTimeout(r, Math.max(500, singlePdf.p50 * 2)));
      cpu = cpuMeter(server.pid);
      loadedLoops.push(await closedLoop(phase));
      loadedCpu.push(cpu.stop());
      stopPdfs.abort();
      // The queued renders finish before the next baseline starts.
      pdfLoops.push(await pdfLoop);
    }
    const failure = [...baselineLoops, ...loadedLoops, ...pdfLoops].find((l) => l.errors > 0);
    if (failure) throw new Error(`requests failed: ${failure.firstError}`);
    const baseline = merged(baselineLoops);
    const loaded = merged(loadedLoops);
    const pdfs = merged(pdfLoops);
    const baselineUse = cpuPercent(baselineCpu);
    const loadedUse = cpuPercent(loadedCpu);

    log('logbook PDF export of the installation');
    const logbookUrl = `${server.url}/api/v1/installations/${installation.id}/logbook/export?format=pdf`;
    /** @type {number[]} */
    const logbookTimes = [];
    let logbookBytes = 0;
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const t0 = performance.now();
      logbookBytes = (await getAndDiscard(logbookUrl, { agent: pdfAgent, headers: api.headers })).bytes;
      logbookTimes.push(performance.now() - t0);
    }
    healthzAgent.destroy();
    pdfAgent.destroy();

    const p99VsRender = ratio(loaded.p99, singlePdf.p50);
    const metrics = {
      workOrderPdfBytes: pdfBytes,
      singlePdfMs: { p50: singlePdf.p50, min: round(Math.min(...single), 1), max: singlePdf.max },
      baseline: { ...baseline, ...baselineUse },
      underPdfLoad: { ...loaded, ...loadedUse },
      pdfUnderLoad: { rendersPerSecond: pdfs.perSecond, p50: pdfs.p50, p99: pdfs.p99, count: pdfs.count },
      ratios: {
        healthzP50: ratio(loaded.p50, baseline.p50),
        healthzP99: ratio(loaded.p99, baseline.p99),
        healthzThroughput: ratio(loaded.perSecond, baseline.perSecond),
        healthzP99VsSinglePdf: p99VsRender,
      },
      logbookPdf: {
        firstMs: round(logbookTimes[0] ?? NaN, 1),
        runsMs: logbookTimes.map((t) => round(t, 1)),
        bytes: logbookBytes,
      },
    };
    const row = (
      /** @type {string} */ name,
      /** @type {ReturnType<typeof summarize>} */ s,
      /** @type {ReturnType<typeof cpuPercent>} */ c,
    ) => [
      name,
      s.p50,
      s.p99,
      s.max,
      s.perSecond,
      s.count,
      `${c.serverCpuPercent} %`,
      `${c.clientCpuPercent} %`,
    ];
    return {
      title: 'PDF rendering and the event loop',
      question:
        `Does generating PDFs block the event loop for other requests? /healthz with ${p.healthzConcurrency} ` +
        `connections alone, then while ${p.pdfConcurrency} downloads of a ${p.activities}-activity work order ` +
        `PDF run in parallel without pause; the two phases alternate ${p.rounds}× (${p.secondsPerPhase} s each).`,
      params: p,
      metrics,
      tables: [
        {
          columns: [
            '/healthz',
            'p50 ms',
            'p99 ms',
            'max ms',
            'req/s',
            'requests',
            'server CPU',
            'client CPU',
          ],
          rows: [
            row('alone (baseline)', baseline, baselineUse),
            row(`during ${p.pdfConcurrency} parallel PDFs`, loaded, loadedUse),
            [
              'ratio (under load / baseline)',
              metrics.ratios.healthzP50,
              metrics.ratios.healthzP99,
              null,
              metrics.ratios.healthzThroughput,
              null,
              null,
              null,
            ],
          ],
        },
        {
          columns: ['PDF', 'value'],
          rows: [
            [`work order PDF, one at a time: p50 ms (of ${p.singleRenders})`, singlePdf.p50],
            [
              'work order PDF, one at a time: min / max ms',
              `${round(Math.min(...single), 1)} / ${round(singlePdf.max, 1)}`,
            ],
            ['work order PDF size, KiB', round(pdfBytes / 1024, 1)],
            [`renders/s with ${p.pdfConcurrency} in parallel`, pdfs.perSecond],
            [
              `latency with ${p.pdfConcurrency} in parallel: p50 / p99 ms`,
              `${round(pdfs.p50, 1)} / ${round(pdfs.p99, 1)}`,
            ],
            ['/healthz p99 under load ÷ one PDF (p50)', p99VsRender],
            [`logbook PDF export (${p.activities} activities), first: ms`, metrics.logbookPdf.firstMs],
            [
              `logbook PDF export, each of ${logbookTimes.length} runs: ms`,
              logbookTimes.map((t) => round(t, 0)).join(', '),
            ],
            ['logbook PDF size, KiB', round(logbookBytes / 1024, 1)],
          ],
        },
      ],
      notes: [
        'PDFs render on a pool of max(1, min(2, cores − 1)) worker threads ' +
          '(apps/server/src/documents/pdf-renderer.ts): on 2 cores one thread renders while the request ' +
          'thread, the database and this load generator share the other core, so some rise of /healthz ' +
          'latency is CPU contention. Renders queue for that thread: the latency under load is the queue.',
        p99VsRender < 0.5
          ? `/healthz p99 under load is ${p99VsRender}× one PDF request: no /healthz request waited for a ` +
            'whole render, so rendering does not block the event loop.'
          : `/healthz p99 under load is ${p99VsRender}× one PDF request: requests waited about as long as a ` +
            'render takes, which points at rendering (or other long work) on the request thread.',
      ],
    };
  },
});
