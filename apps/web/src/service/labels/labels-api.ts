import { api } from '../../api/client';
import type { Role } from '../../api/types';
import type { Label, LabelScope } from '../../api/work-types';

export const LABELS_KEY = ['labels'] as const;

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

export const updateLabel = (id: string, input: Partial<Omit<LabelInput, 'scope'>>) =>
  api.patch<Label>(`/labels/${id}`, input);

export const deleteLabel = (id: string) => api.delete<void>(`/labels/${id}`);
