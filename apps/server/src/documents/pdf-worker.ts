import { parentPort } from 'node:worker_threads';
import { runPdfJob, type PdfJob } from './pdf-jobs.js';

/** A PDF rendering thread: CPU-bound layout stays off the request thread. */
parentPort?.on('message', async (message: { id: number; job: PdfJob }) => {
  try {
    const pdf = await runPdfJob(message.job);
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort!.postMessage({ id: message.id, pdf: bytes });
  } catch (error) {
    parentPort!.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
