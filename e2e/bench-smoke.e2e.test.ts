import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths';

/**
 * Keeps `npm run bench` from rotting: one scenario at its smallest, on the build this project's
 * global setup made. Only that it runs through and writes its results is checked, never a timing
 * (the machine is shared; benchmarks report ratios and are read by people).
 */
const out = mkdtempSync(join(tmpdir(), 'climalog-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('runs the pdf-event-loop scenario in quick mode and writes its results', async () => {
    await promisify(execFile)(
      process.execPath,
      ['bench/run.mjs', '--quick', '--scenario=pdf-event-loop', '--db=pglite', '--no-build', `--out=${out}`],
      { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: '', BENCH_DATABASE_URL: '' }, timeout: 110_000 },
    );
    const report = JSON.parse(readFileSync(join(out, 'latest-quick.json'), 'utf8'));
    expect(report.quick).toBe(true);
    expect(Object.keys(report.machine)).toEqual(
      expect.arrayContaining(['cpuModel', 'cpuCount', 'memoryGiB', 'node', 'os', 'database', 'date']),
    );
    const result = report.scenarios['pdf-event-loop'];
    expect(Object.keys(result.metrics)).toEqual(
      expect.arrayContaining([
        'singlePdfMs',
        'baseline',
        'underPdfLoad',
        'pdfUnderLoad',
        'ratios',
        'logbookPdf',
      ]),
    );
    expect(result.metrics.baseline.count).toBeGreaterThan(0);
    expect(result.metrics.underPdfLoad.count).toBeGreaterThan(0);
    expect(result.metrics.pdfUnderLoad.count).toBeGreaterThan(0);
    expect(result.metrics.logbookPdf.bytes).toBeGreaterThan(0);
    const markdown = readFileSync(join(out, 'latest-quick.md'), 'utf8');
    expect(markdown).toContain('## pdf-event-loop');
    expect(markdown).toContain('| CPU |');
  });
});
