import { api } from '../../api/client';
import type { Language, User } from '../../api/types';

export const ME_KEY = ['me'] as const;

export type ProfilePatch = { firstName: string; lastName: string; language: Language };

export const getMe = () => api.get<User>('/me');
export const updateMe = (patch: Partial<ProfilePatch>) => api.patch<User>('/me', patch);
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/me/password', { currentPassword, newPassword });
export const disableTwoFactor = (password: string, code: string) =>
  api.post<void>('/me/two-factor/disable', { password, code });
export const newRecoveryCodes = (password: string) =>
  api.post<{ recoveryCodes: string[] }>('/me/two-factor/recovery-codes', { password });
