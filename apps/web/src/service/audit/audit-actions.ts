/** The server's catalogue of audit actions (apps/server/src/modules/audit/audit.catalogue.ts). */
export const AUDIT_ACTION_GROUPS = {
  account: ['created', 'updated'],
  user: [
    'signed_up',
    'signed_in',
    'sign_in_failed',
    'second_factor_failed',
    'signed_out',
    'session_expired',
    'created',
    'updated',
    'viewed',
    'listed',
    'invited',
    'invitation_accepted',
    'deactivated',
    'reactivated',
    'password_changed',
    'password_reset_requested',
    'password_reset',
    'two_factor_enabled',
    'two_factor_disabled',
    'recovery_codes_regenerated',
  ],
  api_key: ['created', 'revoked'],
  label: ['created', 'updated', 'deleted'],
  customer: ['created', 'updated', 'deleted', 'viewed', 'listed', 'merged'],
  location: ['created', 'updated', 'deleted', 'viewed'],
  building: ['created', 'updated', 'deleted'],
  installation: ['created', 'updated', 'viewed', 'listed', 'archived', 'unarchived', 'deleted'],
  audit: ['viewed', 'verified'],
  export: ['created'],
} as const;

type Groups = typeof AUDIT_ACTION_GROUPS;
export type AuditGroup = keyof Groups;
export type KnownAction = { [G in AuditGroup]: `${G}.${Groups[G][number]}` }[AuditGroup];

export const AUDIT_GROUPS = Object.keys(AUDIT_ACTION_GROUPS) as AuditGroup[];

export const actionsOf = (group: AuditGroup): KnownAction[] =>
  AUDIT_ACTION_GROUPS[group].map((verb: string) => `${group}.${verb}` as KnownAction);

const KNOWN = new Set<string>(AUDIT_GROUPS.flatMap(actionsOf));
export const isKnownAction = (action: string): action is KnownAction => KNOWN.has(action);
