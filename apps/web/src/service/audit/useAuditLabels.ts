import { useTranslation } from 'react-i18next';
import { isKnownAction } from './audit-actions';

const ACTOR_TYPES = ['user', 'system_user', 'end_customer', 'device', 'operator', 'anonymous'] as const;
const ENTITY_TYPES = [
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

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/** Audit codes in words; codes the web app does not know yet are shown as they are. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string) => (isKnownAction(action) ? t(`audit.actions.${action}`) : action),
    actorType: (type: string) => (isOneOf(ACTOR_TYPES, type) ? t(`audit.actorTypes.${type}`) : type),
    entityType: (type: string | null) =>
      isOneOf(ENTITY_TYPES, type) ? t(`audit.entityTypes.${type}`) : (type ?? ''),
  };
}
