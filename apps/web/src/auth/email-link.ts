import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../api/problem';
import { checkLink, type LinkKind } from './sign-in-api';

/** The token of an emailed link: it travels in the fragment (#token=…), never to a server log. */
export function readLinkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length >= 10 ? token : null;
}

export type LinkProblem = 'missing' | 'invalid' | 'expired' | 'used' | 'replaced';

/** Why a link cannot be used, from the check's error (404 invalid, 410 expired/used/replaced). */
export function linkProblemOf(error: unknown): LinkProblem | null {
  if (!isApiError(error)) return null;
  if (error.status === 404) return 'invalid';
  if (error.status === 410) {
    return error.reason === 'expired' || error.reason === 'used' || error.reason === 'replaced'
      ? error.reason
      : 'used';
  }
  return null;
}

/** Reads the token once and checks it with the server before a password is asked for. */
export function useEmailLink(kind: LinkKind) {
  const [token] = useState(() => readLinkToken(window.location.hash));
  const check = useQuery({
    queryKey: ['auth', 'link', kind, token],
    queryFn: () => checkLink(kind, token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const problem: LinkProblem | null = token === null ? 'missing' : linkProblemOf(check.error);
  return { token, check, problem };
}
