import type { TFunction } from 'i18next';
import { ApiError } from '../../api/problem';
import { errorText } from '../../i18n/error-text';

/** Why an upload was refused, in the interface language: type, size or pixels before the rest. */
export function uploadErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return t('attachments.errors.size');
    const problem = error.fieldProblem('file') ?? error.fieldProblems[0];
    if (problem?.code === 'unsupported_type') return t('attachments.errors.type');
    if (problem?.code === 'too_many_pixels') return t('attachments.errors.pixels');
    if (problem?.code === 'too_big') return t('attachments.errors.size');
    if (problem) return problem.message;
    if (error.status === 415) return t('attachments.errors.type');
  }
  return errorText(t, error);
}
