import { api } from '../api/client';
import type { Language, LinkDetails, Session, TwoFactorEnabled, TwoFactorSetup } from '../api/types';
import type { QueryClient } from '@tanstack/react-query';
import { clearSession, fetchSession, SESSION_KEY } from './session';

/** Thrown when the server accepted the sign-in but the browser did not send the cookie back. */
export class CookiesBlockedError extends Error {
  constructor() {
    super('cookies_blocked');
    this.name = 'CookiesBlockedError';
  }
}

/** After a response that set the session cookie: is the cookie really coming back? */
async function confirmCookie(): Promise<Session> {
  const session = await fetchSession();
  if (!session) throw new CookiesBlockedError();
  return session;
}

export async function signIn(login: string, password: string): Promise<Session> {
  await api.post<Session>('/auth/login', { login, password });
  return confirmCookie();
}

export type SignUpInput = {
  companyName: string;
  enterpriseNumber: string | null;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  language: Language;
};

export async function signUp(input: SignUpInput): Promise<Session> {
  await api.post<Session>('/auth/signup', input);
  return confirmCookie();
}

export const submitSecondFactor = (input: { code: string } | { recoveryCode: string }) =>
  api.post<Session>('/auth/login/second-factor', input);

export const signOut = () => api.post<void>('/auth/logout');

/** Before sending someone to sign in with new credentials: end whatever session this browser has. */
export async function endAnySession(queryClient: QueryClient): Promise<void> {
  if (queryClient.getQueryData(SESSION_KEY)) {
    try {
      await signOut();
    } catch {
      // Already ended on the server (a password reset ends every session).
    }
  }
  clearSession(queryClient);
}

export const requestPasswordReset = (email: string) => api.post<object>('/auth/password-reset', { email });

export type LinkKind = 'invitation' | 'reset';
const LINK_PATHS: Record<LinkKind, { check: string; use: string }> = {
  invitation: { check: '/auth/invitations/check', use: '/auth/invitations/accept' },
  reset: { check: '/auth/password-reset/check', use: '/auth/password-reset/confirm' },
};

export const checkLink = (kind: LinkKind, token: string) =>
  api.post<LinkDetails>(LINK_PATHS[kind].check, { token });

export const redeemLink = (kind: LinkKind, token: string, password: string) =>
  api.post<void>(LINK_PATHS[kind].use, { token, password });

export const startTwoFactorSetup = () => api.post<TwoFactorSetup>('/me/two-factor/setup');

export const enableTwoFactor = (password: string, code: string) =>
  api.post<TwoFactorEnabled>('/me/two-factor/enable', { password, code });

export const isCookiesBlocked = (error: unknown) => error instanceof CookiesBlockedError;
