import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import PostalMime from 'postal-mime';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppDeps } from '../context.js';
import { createLogger } from '../logger.js';
import { openRuntime } from '../runtime.js';
import { openTestDatabase } from './test-database.js';

export type SentMail = { to: string[]; subject: string; text: string; html: string; file: string };

/** A clock that tests can move forward to reach expiry times without waiting. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

export type TestApp = {
  app: FastifyInstance;
  deps: AppDeps;
  clock: TestClock;
  dataDir: string;
  /** Sends queued mail now (runs due jobs) and returns every mail in the outbox, oldest first. */
  mails(): Promise<SentMail[]>;
  close(): Promise<void>;
};

/** The whole application on a test database, with mail going to a temporary outbox. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'climalog-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    APP_SECRET: 'test-secret-test-secret-test-secret-0123',
    PUBLIC_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const clock = new TestClock();
  const runtime = await openRuntime(config, {
    roles: [],
    purpose: 'test',
    database: await openTestDatabase(),
    now: clock.now,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
  });
  const app = await buildApp(runtime.deps, { webDistDir: env.WEB_DIST_DIR ?? join(dataDir, 'no-web-build') });
  await app.ready();
  return {
    app,
    deps: runtime.deps,
    clock,
    dataDir,
    mails: async () => {
      await runtime.deps.jobs.drain();
      return readOutbox(join(dataDir, 'outbox'));
    },
    close: async () => {
      await app.close();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function readOutbox(dir: string): Promise<SentMail[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  const mails: SentMail[] = [];
  for (const file of files) {
    const parsed = await PostalMime.parse(await readFile(join(dir, file)));
    mails.push({
      to: (parsed.to ?? []).map((a) => ('address' in a ? (a.address ?? '') : '')),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: parsed.html ?? '',
      file,
    });
  }
  return mails;
}

/** The token of the newest emailed link of a kind sent to an address. */
export function linkToken(mails: SentMail[], to: string, page: 'invitation' | 'reset-password'): string {
  const mail = [...mails].reverse().find((m) => m.to.includes(to) && m.text.includes(`/app/${page}#token=`));
  if (!mail)
    throw new Error(
      `No ${page} mail to ${to}; outbox has: ${mails.map((m) => `${m.to} ${m.subject}`).join('; ')}`,
    );
  return /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}
