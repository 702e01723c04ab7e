import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Role } from '../../api/types';
import type { Label, LabelScope } from '../../api/work-types';

export const LABELS_KEY = ['labels'] as const;

const notFound = () => new ApiError(404, { detail: 'Not found.' });

export type LabelInput = {
  scope: LabelScope;
  name: string;
  colour: string;
  description: string;
  settableBy: Role[];
  printOnWorkOrder: boolean;
};

export const listLabels = (scope?: LabelScope) =>
  api.get<{ items: Label[] }>('/labels', { scope }).then((r) => r.items);

export const createLabel = (input: LabelInput) => api.post<Label>('/labels', input);

/** `version`: the one the form was opened on; a newer one on the server is a 409 version_conflict. */
export const updateLabel = (id: string, input: Partial<Omit<LabelInput, 'scope'>> & { version: number }) =>
  api.patch<Label>(`/labels/${id}`, input);

/** One label as it is now (there is no GET /labels/:id): a deleted one is a 404. */
export const getLabel = (id: string, scope: LabelScope) =>
  listLabels(scope).then((items) => items.find((l) => l.id === id) ?? Promise.reject(notFound()));

export const deleteLabel = (id: string) => api.delete<void>(`/labels/${id}`);
