import { api } from '../../api/client';
import type { ApiKey, Language, NewApiKey, Page, Role, User, UserKind, UserStatus } from '../../api/types';

export const USERS_KEY = ['users'] as const;
export const apiKeysKey = (userId: string) => ['users', userId, 'api-keys'] as const;

export type UserFilters = { q: string; kind: UserKind | null; status: UserStatus | null; role: Role | null };

export const listUsers = (filters: UserFilters, cursor: string | undefined) =>
  api.get<Page<User>>('/users', { ...filters, cursor, limit: 50 });

export type NewPerson = {
  kind: 'person';
  firstName: string;
  lastName: string;
  email: string | null;
  language: Language;
  roles: Role[];
  invite: boolean;
};
export type NewSystemUser = { kind: 'system'; name: string; language: Language; roles: Role[] };

export const createUser = (input: NewPerson | NewSystemUser) => api.post<User>('/users', input);

export type UserPatch = {
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string | null;
  language?: Language;
  roles?: Role[];
};

export const updateUser = (id: string, patch: UserPatch) => api.patch<User>(`/users/${id}`, patch);
export const inviteUser = (id: string) => api.post<User>(`/users/${id}/invitation`);
export const deactivateUser = (id: string) => api.post<User>(`/users/${id}/deactivate`);
export const reactivateUser = (id: string) => api.post<User>(`/users/${id}/reactivate`);

export const listApiKeys = (userId: string) => api.get<{ items: ApiKey[] }>(`/users/${userId}/api-keys`);
export const createApiKey = (userId: string, name: string) =>
  api.post<NewApiKey>(`/users/${userId}/api-keys`, { name });
export const revokeApiKey = (userId: string, keyId: string) =>
  api.delete<ApiKey>(`/users/${userId}/api-keys/${keyId}`);
