import { constantTimeEqual, generateToken, hashToken } from '../../security/secret-tokens.js';

/**
 * API keys look like `clk_<prefix>_<secret>`. The prefix is stored in clear to find the key and to
 * show it in lists ("clk_Ab12…"); only a hash of the whole key is stored, so it is shown once.
 */
export const API_KEY_PATTERN = /^clk_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = generateToken(9); // 12 characters
  const key = `clk_${prefix}_${generateToken(32)}`;
  return { key, prefix, hash: hashToken(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = API_KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]! } : null;
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  return constantTimeEqual(hashToken(key), storedHash);
}
