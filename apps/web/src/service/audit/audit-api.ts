import { api, apiUrl } from '../../api/client';
import type { AuditEvent, AuditVerification, Page, User } from '../../api/types';

export const AUDIT_KEY = ['audit'] as const;

/** The filters as typed in the page: dates are local calendar days (YYYY-MM-DD). */
export type AuditFilters = {
  action: string | null;
  actorId: string | null;
  entityId: string;
  fromDay: string;
  toDay: string;
};

export const emptyAuditFilters: AuditFilters = {
  action: null,
  actorId: null,
  entityId: '',
  fromDay: '',
  toDay: '',
};

/** Local midnight of a day, plus some days, as an ISO instant (the server compares instants). */
function localMidnight(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** The query parameters: "to" is exclusive on the server, so "up to and including" adds a day. */
export function auditParams(filters: AuditFilters) {
  const entityId = filters.entityId.trim();
  return {
    action: filters.action ?? undefined,
    actorId: filters.actorId ?? undefined,
    entityId: /^[0-9a-f-]{36}$/i.test(entityId) ? entityId : undefined,
    from: localMidnight(filters.fromDay),
    to: localMidnight(filters.toDay, 1),
  };
}

export const listAuditEvents = (filters: AuditFilters, cursor: string | undefined) =>
  api.get<Page<AuditEvent>>('/audit-events', { ...auditParams(filters), cursor, limit: 50 });

export const verifyAuditLog = () => api.get<AuditVerification>('/audit-events/verify');

export const auditExportUrl = (filters: AuditFilters) =>
  apiUrl('/audit-events', { ...auditParams(filters), format: 'xlsx' });

/** People and system users, to filter by who acted. */
export const listActors = () => api.get<Page<User>>('/users', { limit: 200 });
