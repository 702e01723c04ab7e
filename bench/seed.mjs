#!/usr/bin/env node
// `npm run seed`: realistic Belgian data in the app's own database, for trying the app at scale and
// for benchmarks by hand. See "Benchmarks" in the README.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ensureServerBuilt } from './lib/build.mjs';
import { SERVER_DIST } from './lib/paths.mjs';
import {
  openServerRuntime,
  recomputeForecasts,
  seedInstallations,
  seedTechnicians,
  seedWorkOrders,
} from './lib/seed.mjs';

const USAGE = `Usage: npm run seed -- [options]

Creates service-company accounts, each with an administrator who can sign in, and fills them with
customers (valid enterprise numbers), locations in Flanders, Brussels and Wallonia, installations
with their refrigerants and charges, years of executed work orders (leak checks, repairs, top-ups)
and the stored forecasts, in the database the server uses: PostgreSQL when DATABASE_URL is set,
else the embedded database in DATA_DIR (default ./data; stop the server first).

  --tenants=N                      accounts to create (default 1)
  --installations-per-tenant=N     (default 1000)
  --installations-per-customer=N   (default 8)
  --years=N                        years of work orders, one visit a year (default 3; 0 for none)
  --technicians=N                  per account (default 6)
  --no-forecasts                   skip the forecast recompute (the server's nightly job does it)
  --no-build                       use apps/server/dist as it is`;

const started = performance.now();
/** @param {string} line */
const log = (line) =>
  process.stderr.write(`[seed ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

/** Installations per transaction: bounded, so one statement never holds the whole data set. */
const CHUNK = 25_000;
const PASSWORD = 'koude-lucht-warme-koffie-2026';

/**
 * A valid Belgian enterprise number (0 + 7 digits + mod-97 check), for the accounts.
 * @param {number} n
 */
function enterpriseNumber(n) {
  const prefix = String(3_000_000 + ((n * 104_729) % 6_999_999)).padStart(8, '0');
  return prefix + String(97 - (Number(prefix) % 97)).padStart(2, '0');
}

/** @param {string | undefined} value @param {string} name @param {number} fallback */
function count(value, name, fallback) {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string' },
      'installations-per-tenant': { type: 'string' },
      'installations-per-customer': { type: 'string' },
      years: { type: 'string' },
      technicians: { type: 'string' },
      'no-forecasts': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const tenants = count(values.tenants, 'tenants', 1);
  const perTenant = count(values['installations-per-tenant'], 'installations-per-tenant', 1000);
  const perCustomer = Math.max(
    1,
    count(values['installations-per-customer'], 'installations-per-customer', 8),
  );
  const years = count(values.years, 'years', 3);
  const technicians = Math.max(1, count(values.technicians, 'technicians', 6));
  const dataDir = resolve(process.env.DATA_DIR || './data');
  const databaseUrl = process.env.DATABASE_URL || undefined;

  if (!values['no-build']) ensureServerBuilt(log);
  log(`database: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded, in ${dataDir}`}`);
  const runtime = await openServerRuntime({ dataDir, databaseUrl });
  const { createAccount } = await import(`${SERVER_DIST}/modules/accounts/accounts.service.js`);
  const run = randomBytes(3).toString('hex');
  /** @type {{ name: string, email: string }[]} */
  const accounts = [];
  try {
    const db = runtime.deps.db;
    for (let t = 1; t <= tenants; t++) {
      const surname = ['Peeters', 'Dubois', 'Janssens', 'Lambert', 'Maes', 'Martin', 'Claes', 'Simon'][t % 8];
      const name = `Koeltechniek ${surname} ${t} (${run})`;
      const email = `admin${t}@seed-${run}.example.be`;
      const { accountId, userId } = await createAccount(
        runtime.deps,
        {},
        {
          name,
          kind: 'service',
          enterpriseNumber: enterpriseNumber(t),
          admin: { firstName: 'Annelies', lastName: surname, email, password: PASSWORD, language: 'nl' },
        },
        'operator',
      );
      accounts.push({ name, email });
      const technicianIds = await seedTechnicians(db, { tenantId: accountId, userId, count: technicians });
      log(`account ${t}/${tenants}: ${name}`);
      for (let from = 0; from < perTenant; from += CHUNK) {
        const to = Math.min(perTenant, from + CHUNK);
        await seedInstallations(db, { tenantId: accountId, userId, from, to, perCustomer });
        const workOrders = await seedWorkOrders(db, {
          tenantId: accountId,
          userId,
          technicianIds,
          from,
          to,
          years,
        });
        log(`  installations ${to}/${perTenant}, ${workOrders} work orders`);
      }
    }
    if (!values['no-forecasts']) {
      log('storing the forecasts through the server’s recompute (every account in the database)');
      let last = 0;
      const done = await recomputeForecasts(runtime.deps, (n) => {
        if (n - last >= 10_000) {
          last = n;
          log(`  forecasts of ${n} installations`);
        }
      });
      log(`  forecasts of ${done} installations stored`);
    }
  } finally {
    await runtime.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    [
      `Seeded ${tenants} account(s) × ${perTenant} installations in ${seconds} s.`,
      '',
      'Start the server (npm start) and sign in at http://localhost:3000/app/ with:',
      ...accounts.map((a) => `  ${a.email}  /  ${PASSWORD}   (${a.name})`),
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A refused data-directory lock (the server runs) says what to do; anything else in full.
    console.error(error?.name === 'DataDirLockedError' ? error.message : error);
    process.exitCode = 1;
  },
);
