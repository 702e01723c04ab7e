import { afterAll, beforeAll } from 'vitest';
import type { Api } from '../../bench/lib/api.mjs';
import type { Environment } from '../../bench/lib/environment.mjs';
import { sized } from './mode.js';
import { openServer, signUp, type Client } from './real-server.js';
import { createSites, type Site } from './write-mix.js';

/** The database the crash suites run on: `quality:pglite` or `quality:postgres`. */
export const DB = process.env.TEST_DB ?? 'pglite';

export type CrashServer = {
  environment: Environment;
  api: Api;
  client: Client;
  sites: Site[];
  /** Kills the server (SIGKILL) and starts it again on the same data; the port stays the same. */
  crashAndRestart(): Promise<void>;
  /** What the killed server processes printed (shown when something failed). */
  serverOutput(): string;
};

/**
 * The built server as a child process for one test file (see docs/quality.md, "Crash
 * consistency"), with a company signed up and `sized(4, 8)` refrigeration sites; the returned
 * object is filled in before the file's tests run.
 */
export function useCrashServer(): CrashServer {
  const outputs: string[] = [];
  const server = {
    crashAndRestart: async () => {
      outputs.push(server.environment.server().output());
      await server.environment.server().kill();
      await server.environment.restart();
    },
    serverOutput: () =>
      [...outputs, server.environment.server().output()].join('\n--- killed ---\n').slice(-20_000),
  } as CrashServer;
  beforeAll(async () => {
    server.environment = await openServer();
    ({ api: server.api, client: server.client } = await signUp(server.environment));
    server.sites = await createSites(server.api, sized(4, 8));
    // Setting up the full size takes minutes on a busy machine.
  }, 600_000);
  afterAll(async () => server.environment?.close());
  return server;
}
