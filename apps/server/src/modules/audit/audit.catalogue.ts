/**
 * The closed catalogue of audit events, `<entity>.<verb>`. Changes, reads of personal data
 * (viewed/listed, export.created) and use of features are all recorded.
 */
export const AUDIT_ACTIONS = [
  'account.created',
  'account.updated',
  'user.signed_up',
  'user.signed_in',
  'user.sign_in_failed',
  'user.second_factor_failed',
  'user.signed_out',
  'user.session_expired',
  'user.created',
  'user.updated',
  'user.viewed',
  'user.listed',
  'user.invited',
  'user.invitation_accepted',
  'user.deactivated',
  'user.reactivated',
  'user.password_changed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.two_factor_enabled',
  'user.two_factor_disabled',
  'user.recovery_codes_regenerated',
  'api_key.created',
  'api_key.revoked',
  'label.created',
  'label.updated',
  'label.deleted',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.viewed',
  'customer.listed',
  'customer.merged',
  'location.created',
  'location.updated',
  'location.deleted',
  'location.viewed',
  'building.created',
  'building.updated',
  'building.deleted',
  'installation.created',
  'installation.updated',
  'installation.viewed',
  'installation.listed',
  'installation.archived',
  'installation.unarchived',
  'installation.deleted',
  'audit.viewed',
  'audit.verified',
  // Every spreadsheet or document export of data, whatever the resource (details.resource).
  'export.created',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_TYPES = [
  'user',
  'system_user',
  'end_customer',
  'device',
  'operator',
  'anonymous',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const ENTITY_TYPES = [
  'account',
  'user',
  'api_key',
  'customer',
  'location',
  'building',
  'installation',
  'label',
  'audit_log',
  'export',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
