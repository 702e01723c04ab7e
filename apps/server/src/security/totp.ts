import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, accountLabel: string): string {
  return new TOTP({
    issuer: 'Climalog',
    label: accountLabel,
    secret: Secret.fromBase32(secretBase32),
    period: PERIOD_SECONDS,
  }).toString();
}

/**
 * Checks a 6-digit code with one step of clock drift either way and returns the time step it
 * matched, so the caller can refuse a code that was already used (replay).
 */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD_SECONDS });
  const delta = totp.validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

export function currentTotpCode(secretBase32: string, now: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD_SECONDS }).generate({
    timestamp: now.getTime(),
  });
}
