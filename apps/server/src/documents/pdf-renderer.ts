import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runPdfJob, type PdfJob } from './pdf-jobs.js';

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void };

/**
 * Renders PDFs on a small pool of worker threads, so a long document never stalls other requests.
 * When the compiled worker is not there (tests run the TypeScript sources), it renders in-process.
 */
export class PdfRenderer {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private sequence = 0;

  constructor(size = Math.max(1, Math.min(2, availableParallelism() - 1))) {
    const workerFile = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));
    if (!import.meta.url.endsWith('.js') || !existsSync(workerFile)) return;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile);
      worker.on('message', (message: { id: number; pdf?: Uint8Array; error?: string }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.pdf)
          waiting.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
        else waiting.reject(new Error(message.error ?? 'PDF rendering failed'));
      });
      worker.unref();
      this.workers.push(worker);
    }
  }

  get usesWorkers(): boolean {
    return this.workers.length > 0;
  }

  render(job: PdfJob): Promise<Buffer> {
    if (this.workers.length === 0) return runPdfJob(job);
    const id = ++this.sequence;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const waiting of this.pending.values()) waiting.reject(new Error('PDF renderer closed'));
    this.pending.clear();
  }
}
