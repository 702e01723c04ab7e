import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs. Anything that could carry a secret is redacted by path, so a password,
 * token, cookie or API key never reaches the log even when a whole request is logged.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
        '*.code',
        '*.recoveryCode',
        '*.key',
        '*.appSecret',
      ],
      censor: '[redacted]',
    },
  });
}
