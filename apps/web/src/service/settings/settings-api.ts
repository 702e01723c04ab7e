import { api } from '../../api/client';
import type { Settings } from '../../api/work-types';

export const SETTINGS_KEY = ['settings'] as const;

export const getSettings = () => api.get<Settings>('/settings');

export type SettingsPatch = Partial<Omit<Settings, 'updatedAt' | 'version'>>;
/** `version`: the one the form was opened on; a newer one on the server is a 409 version_conflict. */
export const updateSettings = (patch: SettingsPatch & { version: number }) =>
  api.patch<Settings>('/settings', patch);
