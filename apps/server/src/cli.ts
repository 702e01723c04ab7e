import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { LANGUAGES, ROLES, type Language, type Role } from './context.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { AppError } from './http/errors.js';
import { createLogger } from './logger.js';
import { createAccount, createUserAsOperator } from './modules/accounts/accounts.service.js';
import { openRuntime, type Runtime } from './runtime.js';
import { parseEnterpriseNumber } from './security/enterprise-number.js';
import { emailAddress } from './http/schema-helpers.js';

const USAGE = `Climalog command line

  accounts:create --name NAME --kind service|connect --admin-email EMAIL --admin-password PASSWORD
                  [--enterprise-number NUMBER] [--admin-first-name F] [--admin-last-name L] [--language nl|fr|en|de]
      prints {"accountId", "userId"}

  users:create --account ACCOUNT_ID --email EMAIL --password PASSWORD
               --roles technician,manager,administrator,account_manager [--first-name F --last-name L] [--language nl]
      prints {"userId"}

With the embedded database, stop the server first: only one process may open it.`;

class UsageError extends Error {}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function language(value: string | undefined): Language {
  if (value === undefined) return 'nl';
  if (!(LANGUAGES as readonly string[]).includes(value))
    throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}`);
  return value as Language;
}

function email(value: string, flag: string): string {
  const parsed = emailAddress().safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag} is not a valid email address`);
  return parsed.data;
}

const OPTIONS = {
  name: { type: 'string' },
  kind: { type: 'string' },
  'admin-email': { type: 'string' },
  'admin-password': { type: 'string' },
  'admin-first-name': { type: 'string' },
  'admin-last-name': { type: 'string' },
  'enterprise-number': { type: 'string' },
  account: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  roles: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  language: { type: 'string' },
  help: { type: 'boolean' },
} as const;

async function run(
  runtime: () => Promise<Runtime>,
  command: string,
  values: Record<string, string | undefined>,
) {
  switch (command) {
    case 'accounts:create': {
      const kind = values.kind ?? 'service';
      if (kind !== 'service' && kind !== 'connect') throw new UsageError('--kind must be service or connect');
      let enterpriseNumber: string | null = null;
      if (values['enterprise-number']) {
        const parsed = parseEnterpriseNumber(values['enterprise-number']);
        if (!parsed.ok) throw new UsageError('--enterprise-number is not a valid Belgian enterprise number');
        enterpriseNumber = parsed.digits;
      }
      const input = {
        name: required(values, 'name'),
        kind,
        enterpriseNumber,
        admin: {
          firstName: values['admin-first-name'] ?? '',
          lastName: values['admin-last-name'] ?? '',
          email: email(required(values, 'admin-email'), 'admin-email'),
          password: required(values, 'admin-password'),
          language: language(values.language),
        },
      } as const;
      const rt = await runtime();
      return createAccount(rt.deps, {}, input, 'operator');
    }
    case 'users:create': {
      const roles = required(values, 'roles')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length > 0)
        throw new UsageError(`--roles: unknown role(s) ${unknown.join(', ')}; use ${ROLES.join(', ')}`);
      const accountId = required(values, 'account');
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(accountId)) {
        throw new UsageError('--account must be an account id (UUID)');
      }
      const input = {
        accountId,
        email: email(required(values, 'email'), 'email'),
        password: required(values, 'password'),
        roles: [...new Set(roles)] as Role[],
        firstName: values['first-name'] ?? '',
        lastName: values['last-name'] ?? '',
        language: language(values.language),
      };
      const rt = await runtime();
      return createUserAsOperator(rt.deps, input);
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'Name a command');
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    console.error(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  let opened: Runtime | undefined;
  const runtime = async () => {
    const config = loadConfig();
    opened = await openRuntime(config, { roles: [], purpose: 'command line', log: createLogger('warn') });
    return opened;
  };
  try {
    const result = await run(
      runtime,
      parsed.positionals[0]!,
      parsed.values as Record<string, string | undefined>,
    );
    // Mail queued by the command is sent before the process ends.
    await opened?.deps.jobs.drain();
    console.log(JSON.stringify(result));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(JSON.stringify({ error: error.message, errors: error.errors }));
      return 1;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(error.message);
      return 1;
    }
    console.error(error);
    return 1;
  } finally {
    await opened?.close();
  }
}

process.exitCode = await main();
