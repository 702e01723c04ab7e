/** Where to go after signing in: only a path inside the app, never another site. */
export function safeNextPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}

/** What the sign-in page may be told by the page that sent the person there. */
export type SignInNotice = {
  notice?: 'signedOut' | 'sessionEnded' | 'passwordReset' | 'invitationAccepted';
  email?: string;
};
