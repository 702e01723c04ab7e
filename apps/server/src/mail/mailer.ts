import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { generateToken } from '../security/secret-tokens.js';

export type OutgoingMail = {
  to: string[];
  bcc?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
};

export type Mailer = {
  /** 'smtp' sends through SMTP_URL; 'outbox' writes .eml files to DATA_DIR/outbox. */
  readonly mode: 'smtp' | 'outbox';
  readonly outboxDir: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/**
 * Real mail: nodemailer over SMTP_URL, or — without it — real RFC 5322 messages written as .eml
 * files into DATA_DIR/outbox, which any mail client opens.
 */
export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  const outboxDir = join(options.dataDir, 'outbox');
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      mode: 'smtp',
      outboxDir,
      send: async (mail) => {
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'outbox',
    outboxDir,
    send: async (mail) => {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${generateToken(6)}.eml`;
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const temporary = join(outboxDir, `.${name}.tmp`);
      await writeFile(temporary, info.message as Buffer);
      await rename(temporary, join(outboxDir, name));
    },
    close: () => undefined,
  };
}
