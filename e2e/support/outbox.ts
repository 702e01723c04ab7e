import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PostalMime from 'postal-mime';

export type OutboxMail = { subject: string; text: string; html: string };

/** A mail as postal-mime parses it, attachments included. */
export type ParsedMail = Awaited<ReturnType<typeof PostalMime.parse>>;

/**
 * Waits for a mail to `to` in DATA_DIR/outbox (the server writes .eml files there without SMTP)
 * and parses it, the newest first; postal-mime also undoes the quoted-printable encoding of the body.
 */
export async function waitForParsedMail(
  dataDir: string,
  to: string,
  timeoutMs = 30_000,
): Promise<ParsedMail> {
  const dir = join(dataDir, 'outbox');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse()) {
      const mail = await PostalMime.parse(await readFile(join(dir, name)));
      if (mail.to?.some((address) => address.address?.toLowerCase() === to.toLowerCase())) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to} appeared in ${dir} within ${timeoutMs} ms.`);
}

/** The subject and body of the newest mail to `to` in DATA_DIR/outbox (see waitForParsedMail). */
export async function waitForMail(dataDir: string, to: string, timeoutMs = 30_000): Promise<OutboxMail> {
  const mail = await waitForParsedMail(dataDir, to, timeoutMs);
  return { subject: mail.subject ?? '', text: mail.text ?? '', html: mail.html ?? '' };
}

/** The first link to /app/<page>#token=… in a mail. */
export function emailLink(mail: OutboxMail, page: 'invitation' | 'reset-password'): string {
  const pattern = new RegExp(`https?://[^\\s"'<>]+/app/${page}#token=[A-Za-z0-9_-]+`);
  const match = pattern.exec(mail.text) ?? pattern.exec(mail.html);
  if (!match) throw new Error(`The mail "${mail.subject}" holds no /app/${page}#token=… link.`);
  return match[0];
}
