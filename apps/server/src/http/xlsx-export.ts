import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type XlsxColumn<R> = {
  header: string;
  width?: number;
  value: (row: R) => string | number | boolean | Date | null;
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheet apps run cells that start like a formula; a leading apostrophe keeps them text. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Between two batches: lets the event loop run, then waits while the client is behind. The embedded
 * database answers without ever returning to the event loop, so without the first no byte would be
 * sent, and no other request answered, until the whole export was done. The second keeps a slow
 * download from piling the file up in memory; on the embedded database the compression (which needs
 * turns of the event loop) lags behind, so there a stalled download does not yet stop the export.
 */
async function caughtUp(stream: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!stream.writableNeedDrain || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Streams a real .xlsx to the client. Rows arrive in batches (each batch its own short query), so
 * memory stays flat however long the list, and no database transaction stays open while a slow
 * client downloads.
 */
export async function sendXlsx<R>(
  reply: FastifyReply,
  options: {
    filename: string;
    sheetName: string;
    columns: XlsxColumn<R>[];
    batches: AsyncIterable<R[]>;
  },
): Promise<FastifyReply> {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Climalog';
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.columns = options.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const asciiName = options.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
    );
  void (async () => {
    try {
      for await (const batch of options.batches) {
        for (const row of batch) {
          const values = options.columns.map((c) => {
            const v = c.value(row);
            return typeof v === 'string' ? neutralizeFormula(v) : v;
          });
          sheet.addRow(values).commit();
        }
        await caughtUp(stream);
        // The client left: stop reading the database.
        if (stream.destroyed) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return reply.send(stream);
}
