import type { FieldProblem } from '../../api/problem';
import type { ActivityType } from '../../api/work-types';
import type { QueueItem, QueueProblem } from '../data/model';
import type { MessageKey, Translate } from '../i18n';

const CODES = [
  'refrigerant_mismatch',
  'wrong_cylinder_kind',
  'not_found',
  'cylinder_empty',
  'cylinder_full',
  'required',
  'future_date',
  'not_in_work_order',
  'archived',
  'not_a_technician',
  'other_customer',
  'not_png',
  'unsupported_type',
  'too_many_pixels',
] as const;
const FIELDS = ['executedOn', 'installationIds', 'signatures', 'notes', 'file', 'executorId'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** Why the server refused an item, in the interface language (the server's own words stay available). */
export function problemHeadline(problem: QueueProblem, t: Translate): string {
  if (problem.reason === 'cylinder_changed') return t('problems.cylinderChanged');
  if (problem.reason === 'executed') return t('problems.executed');
  if (problem.reason === 'version_conflict') return t('problems.versionConflict');
  const byStatus: Record<number, MessageKey> = {
    400: 'problems.badRequest',
    403: 'problems.forbidden',
    404: 'problems.notFound',
    409: 'problems.conflict',
    413: 'problems.tooLarge',
    415: 'problems.unsupported',
    422: 'problems.invalid',
  };
  const key = byStatus[problem.status];
  return key ? t(key) : problem.detail;
}

/** The activities the item sent, to name "activity 2 (leak check)" instead of activities.1. */
export function sentActivities(item: QueueItem): { type: ActivityType }[] {
  const list =
    item.kind === 'work_order.create'
      ? item.body.activities
      : item.kind === 'work_order.update'
        ? item.patch.activities
        : undefined;
  return Array.isArray(list) ? (list as { type: ActivityType }[]) : [];
}

export type DescribedProblem = {
  field: string;
  label: string;
  message: string;
  server: string;
  activity: number | null;
};

export function describeFieldProblems(
  errors: readonly FieldProblem[],
  t: Translate,
  activities: readonly { type: ActivityType }[],
): DescribedProblem[] {
  return errors.map((error) => {
    const match = /^activities\.(\d+)\./.exec(error.field);
    const index = match ? Number(match[1]) : null;
    const activity = index === null ? undefined : activities[index];
    const label =
      index !== null
        ? t('problems.activity', {
            n: index + 1,
            type: activity ? t(`activity.types.${activity.type}`) : '',
          }).replace(' ()', '')
        : isOneOf(FIELDS, error.field)
          ? t(`problems.fields.${error.field}`)
          : error.field;
    const message = isOneOf(CODES, error.code) ? t(`problems.codes.${error.code}`) : error.message;
    return { field: error.field, label, message, server: error.message, activity: index };
  });
}
