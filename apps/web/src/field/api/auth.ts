import { ApiError, problemFromResponse } from '../../api/problem';
import type { Language, Role } from '../../api/types';
import { db, deleteKv, getKv, setKv } from '../data/db';
import { newId } from '../data/ids';
import { jsonOf, send, type SendOptions } from './http';

export type FieldUser = {
  id: string;
  name: string;
  email: string | null;
  language: Language;
  roles: Role[];
};

type Session = {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  accessExpiresAt: number;
  deviceId: string;
  deviceName: string;
  user: FieldUser;
};

type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; deviceId: string };

/** Why the device is signed out: shown on the sign-in page. */
export type SignOutReason = 'manual' | 'ended';

export type AuthSnapshot =
  | { status: 'loading' }
  | { status: 'signed_out'; reason: SignOutReason | null }
  | { status: 'signed_in'; user: FieldUser; deviceId: string; deviceName: string };

const SESSION_KEY = 'session';
const SIGNED_OUT_KEY = 'signedOut';
const INSTALLATION_KEY = 'installationId';
/** Refresh this long before the access token expires. */
const EARLY_MS = 60_000;

let session: Session | null = null;
let snapshot: AuthSnapshot = { status: 'loading' };
const listeners = new Set<() => void>();

function publish(next: AuthSnapshot) {
  snapshot = next;
  for (const listener of listeners) listener();
}

export const authStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => snapshot,
};

export const currentUser = (): FieldUser | null => session?.user ?? null;

function signedIn(s: Session) {
  session = s;
  publish({ status: 'signed_in', user: s.user, deviceId: s.deviceId, deviceName: s.deviceName });
}

/** Reads the stored sign-in at start-up (works offline). */
export async function loadSession(): Promise<void> {
  const stored = await getKv<Session>(SESSION_KEY);
  if (stored) signedIn(stored);
  else publish({ status: 'signed_out', reason: (await getKv<SignOutReason>(SIGNED_OUT_KEY)) ?? null });
}

/** The installation ID, if this install has one yet (read-only: usable in live queries). */
export const storedInstallationId = () => getKv<string>(INSTALLATION_KEY);

/** The installation ID of this install: generated once, kept in IndexedDB. */
export async function installationId(): Promise<string> {
  return db.transaction('rw', db.kv, async () => {
    const existing = await getKv<string>(INSTALLATION_KEY);
    if (existing) return existing;
    const id = newId();
    await setKv(INSTALLATION_KEY, id);
    return id;
  });
}

/** "Android", "iOS", … from the browser, for the administrators' device list. */
export function deviceOs(): string {
  const ua = navigator.userAgent;
  const os =
    /Android [\d.]+/.exec(ua)?.[0] ??
    (/(iPhone|iPad)/.test(ua)
      ? `iOS ${/OS (\d+[_\d]*)/.exec(ua)?.[1]?.replace(/_/g, '.') ?? ''}`.trim()
      : null) ??
    (/Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : 'Other');
  return os.slice(0, 100);
}

export function defaultDeviceName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  return `${browser} – ${deviceOs().split(' ')[0]}`;
}

export type SignInInput = { login: string; password: string; deviceName: string; code?: string };

/**
 * Token sign-in: the pair is bound to this install's installation ID. Throws the API's problem
 * (reason `second_factor_required` asks for the authenticator code).
 */
export async function signIn(input: SignInInput): Promise<FieldUser> {
  const response = await send('POST', '/auth/tokens', {
    json: {
      login: input.login.trim(),
      password: input.password,
      installationId: await installationId(),
      deviceName: input.deviceName.trim() || defaultDeviceName(),
      os: deviceOs(),
      ...(input.code ? { code: input.code.replace(/\s/g, '') } : {}),
    },
  });
  const pair = await jsonOf<TokenPair>(response);
  const user = await jsonOf<FieldUser>(await send('GET', '/me', { accessToken: pair.accessToken }));
  const s: Session = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: Date.now() + pair.expiresIn * 1000,
    deviceId: pair.deviceId,
    deviceName: input.deviceName.trim() || defaultDeviceName(),
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      language: user.language,
      roles: user.roles,
    },
  };
  await setKv(SESSION_KEY, s);
  await deleteKv(SIGNED_OUT_KEY);
  signedIn(s);
  return s.user;
}

/** Thrown by a request when the device was signed out on the way (revoked, refresh refused). */
export class SignedOutError extends Error {
  constructor(readonly reason: SignOutReason) {
    super('Signed out');
    this.name = 'SignedOutError';
  }
}

/**
 * Ends the sign-in on this device. Queued changes and the work orders they belong to stay: they are
 * sent after the next sign-in. What was only downloaded for reading is removed.
 */
export async function signOut(reason: SignOutReason): Promise<void> {
  const previous = session;
  session = null;
  await db.transaction(
    'rw',
    [db.kv, db.workOrders, db.installations, db.logbooks, db.locations, db.customers, db.cylinders, db.queue],
    async () => {
      await deleteKv(SESSION_KEY);
      await setKv(SIGNED_OUT_KEY, reason);
      await deleteKv('settings');
      await deleteKv('lastPulledAt');
      const pending = new Set((await db.queue.toArray()).map((item) => item.workOrderId));
      await db.workOrders.filter((w) => !w.draft && !pending.has(w.id)).delete();
      await Promise.all([
        db.installations.clear(),
        db.logbooks.clear(),
        db.locations.clear(),
        db.customers.clear(),
        db.cylinders.clear(),
      ]);
    },
  );
  publish({ status: 'signed_out', reason });
  // Signing out by choice also ends the tokens on the server (best effort: it may be offline).
  if (reason === 'manual' && previous) {
    void send('DELETE', `/devices/${previous.deviceId}`, { accessToken: previous.accessToken }).catch(
      () => undefined,
    );
  }
}

/** Web Locks keep two tabs from rotating the same refresh token (which would end the sign-in). */
async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator.locks?.request === 'function')
    return navigator.locks.request('climalog-field-refresh', fn) as Promise<T>;
  return fn();
}

let refreshing: Promise<Session> | null = null;

/** The next token pair; a refused refresh token signs the device out. */
function refresh(staleAccessToken: string): Promise<Session> {
  refreshing ??= exclusive(async () => {
    const stored = await getKv<Session>(SESSION_KEY);
    if (!stored) throw new SignedOutError('ended');
    // Another tab refreshed meanwhile: use its pair.
    if (stored.accessToken !== staleAccessToken && stored.accessExpiresAt - Date.now() > EARLY_MS) {
      session = stored;
      return stored;
    }
    const response = await send('POST', '/auth/tokens/refresh', {
      json: { refreshToken: stored.refreshToken },
    });
    // refresh_reused (copied, or the device revoked) or refresh_invalid (expired, revoked): either
    // way this device's sign-in is over; what is queued stays for the next sign-in.
    if (response.status === 401 || response.status === 400) {
      await problemFromResponse(response);
      await signOut('ended');
      throw new SignedOutError('ended');
    }
    const pair = await jsonOf<TokenPair>(response);
    const next: Session = {
      ...stored,
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      accessExpiresAt: Date.now() + pair.expiresIn * 1000,
    };
    await setKv(SESSION_KEY, next);
    session = next;
    return next;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function validAccessToken(): Promise<string> {
  if (!session) throw new SignedOutError((await getKv<SignOutReason>(SIGNED_OUT_KEY)) ?? 'ended');
  if (session.accessExpiresAt - Date.now() > EARLY_MS) return session.accessToken;
  return (await refresh(session.accessToken)).accessToken;
}

/**
 * A request with the access token: refreshed when it is about to expire or the server no longer
 * takes it; a second refusal means the device was revoked (or the user deactivated): signed out.
 */
export async function authorizedSend(method: string, path: string, options: SendOptions = {}) {
  const token = await validAccessToken();
  const response = await send(method, path, { ...options, accessToken: token });
  if (response.status !== 401) return response;
  const problem = await problemFromResponse(response);
  if (problem.reason !== 'invalid_token') throw problem;
  const fresh = await refresh(token);
  const again = await send(method, path, { ...options, accessToken: fresh.accessToken });
  if (again.status === 401) {
    await signOut('ended');
    throw new SignedOutError('ended');
  }
  return again;
}

/** GET with the access token, JSON back. */
export async function apiGet<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
  return jsonOf<T>(await authorizedSend('GET', path, query ? { query } : {}));
}

export { ApiError };
