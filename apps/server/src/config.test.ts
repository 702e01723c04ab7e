import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has safe defaults for local use and keeps a generated secret in DATA_DIR', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'climalog-config-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.publicUrl.origin).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.signup).toBe('open');
    expect(config.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).appSecret).toBe(config.appSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).appSecret).toBe(config.appSecret);
  });

  it('refuses to start with a list of every problem', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SIGNUP: 'maybe',
        SMTP_URL: 'http://mail',
        APP_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'SIGNUP', 'SMTP_URL', 'APP_SECRET'])
      expect(problems).toContain(name);
  });

  it('marks https deployments so cookies get Secure and the __Host- prefix', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://climalog.example.be', APP_SECRET: 'x'.repeat(40) });
    expect(config.isHttps).toBe(true);
  });
});
