import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from '../api/problem';
import { enterpriseNumberProblem } from '../components/enterprise-number';

type FieldKey =
  | 'required'
  | 'email'
  | 'emailTaken'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordDigitsOnly'
  | 'passwordTooClose'
  | 'passwordTooCommon'
  | 'wrongPassword'
  | 'invalidCode'
  | 'ownTwoFactorRequired'
  | 'accountManagerOnly'
  | 'tooLong'
  | 'refrigerantMismatch'
  | 'cylinderEmpty'
  | 'cylinderFull'
  | 'wrongCylinderKind'
  | 'futureDate'
  | 'pastDate'
  | 'otherCustomer'
  | 'archivedInstallation'
  | 'duplicateName'
  | 'overCapacity'
  | 'notFound'
  | 'sameCustomer'
  | 'unsupportedFile';

/** Field error codes the server sends, in the interface language. */
const FIELD_CODES: Record<string, FieldKey> = {
  required: 'required',
  invalid_type: 'required',
  too_small: 'required',
  too_big: 'tooLong',
  invalid_format: 'email',
  email_taken: 'emailTaken',
  password_too_short: 'passwordTooShort',
  password_too_long: 'passwordTooLong',
  password_digits_only: 'passwordDigitsOnly',
  password_too_close_to_personal_data: 'passwordTooClose',
  password_too_common: 'passwordTooCommon',
  wrong_password: 'wrongPassword',
  invalid_code: 'invalidCode',
  own_two_factor_required: 'ownTwoFactorRequired',
  account_manager_only: 'accountManagerOnly',
  refrigerant_mismatch: 'refrigerantMismatch',
  cylinder_empty: 'cylinderEmpty',
  cylinder_full: 'cylinderFull',
  wrong_cylinder_kind: 'wrongCylinderKind',
  future_date: 'futureDate',
  past_date: 'pastDate',
  other_customer: 'otherCustomer',
  archived: 'archivedInstallation',
  duplicate: 'duplicateName',
  over_capacity: 'overCapacity',
  not_found: 'notFound',
  same_customer: 'sameCustomer',
  unsupported_type: 'unsupportedFile',
  invalid_xlsx: 'unsupportedFile',
};

/** One field problem as a sentence; the server's English text when the code is not known. */
export function fieldProblemText(t: TFunction, problem: FieldProblem): string {
  if (problem.field === 'enterpriseNumber' && problem.code === 'custom') {
    return /check digits/i.test(problem.message)
      ? t('errors.fields.enterpriseChecksum')
      : t('errors.fields.enterpriseFormat');
  }
  const key = problem.code ? FIELD_CODES[problem.code] : undefined;
  return key ? t(`errors.fields.${key}`) : problem.message;
}

/** Every field error of a failed request, keyed by field name (for forms with nested fields). */
export function allFieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const problem of error.fieldProblems) result[problem.field] ??= fieldProblemText(t, problem);
  return result;
}

/** The errors of the given form fields, keyed by field name, for the inputs' `error` props. */
export function fieldErrorsOf(
  t: TFunction,
  error: unknown,
  fields: readonly string[],
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const problem of error.fieldProblems) {
    if (fields.includes(problem.field) && !result[problem.field]) {
      result[problem.field] = fieldProblemText(t, problem);
    }
  }
  return result;
}

/** The sentence to show for a failed request (not tied to a field). */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  switch (error.reason) {
    case 'wrong_credentials':
      return t('errors.wrongCredentials');
    case 'csrf':
      return t('errors.csrf');
    case 'signup_closed':
      return t('errors.signupClosed');
    case 'last_administrator':
      return t('errors.lastAdministrator');
    case 'required_by_account':
      return t('errors.requiredByAccount');
    case 'version_conflict':
      return t('errors.versionConflict');
    case 'cylinder_changed':
      return t('errors.cylinderChanged');
  }
  if (error.status === 429) {
    return t('errors.rateLimited', { count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  }
  // The inputs show what is wrong; the summary says so in the interface language.
  if (error.fieldProblems.length > 0 && error.status < 500) return t('errors.invalid');
  if (error.status === 401) return t('errors.unauthenticated');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 400 || error.status === 422) return t('errors.invalid');
  if (error.status >= 500) return t('errors.server');
  return error.message;
}

/** A quick check of an (optional) enterprise number before it is sent; the server decides. */
export function enterpriseNumberError(t: TFunction, value: string): string | undefined {
  const problem = value.trim() ? enterpriseNumberProblem(value) : null;
  if (problem === 'checksum') return t('errors.fields.enterpriseChecksum');
  if (problem === 'format') return t('errors.fields.enterpriseFormat');
  return undefined;
}
