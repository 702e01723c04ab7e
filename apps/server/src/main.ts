import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { createLogger } from './logger.js';
import { openRuntime, type Runtime, type ServerRole } from './runtime.js';

const ALL_ROLES: ServerRole[] = ['web', 'worker', 'cron'];

function parseRoles(argv: string[]): ServerRole[] {
  const arg = argv.find((a) => a.startsWith('--role='));
  if (!arg) return ALL_ROLES;
  const roles = arg.slice('--role='.length).split(',').filter(Boolean);
  const unknown = roles.filter((r) => !ALL_ROLES.includes(r as ServerRole));
  if (unknown.length > 0 || roles.length === 0) {
    throw new ConfigError([
      `--role: expected a comma-separated list of ${ALL_ROLES.join(', ')}; got "${arg}"`,
    ]);
  }
  return roles as ServerRole[];
}

/** Starts Climalog with the given roles (web, worker, cron; all three by default). */
async function main(): Promise<void> {
  let roles: ServerRole[];
  let config;
  try {
    roles = parseRoles(process.argv.slice(2));
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  let runtime: Runtime;
  try {
    runtime = await openRuntime(config, { roles, purpose: `server (${roles.join(',')})`, log });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let app: FastifyInstance | undefined;
  if (roles.includes('web')) {
    app = await buildApp(runtime.deps);
    await app.listen({ host: config.host, port: config.port });
  }
  runtime.startWorker();
  log.info(
    {
      roles,
      database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir}/pgdata)`,
      mail: runtime.mailer.mode === 'smtp' ? 'smtp' : `outbox (${runtime.mailer.outboxDir})`,
    },
    roles.includes('web') ? `Climalog is running: ${config.publicUrl.origin}/app/` : 'Climalog is running',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    try {
      await app?.close();
      await runtime.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
