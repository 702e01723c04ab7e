import { api } from '../../api/client';
import type { Settings } from '../../api/work-types';

export const SETTINGS_KEY = ['settings'] as const;

export const getSettings = () => api.get<Settings>('/settings');

export type SettingsPatch = Partial<Omit<Settings, 'updatedAt'>>;
export const updateSettings = (patch: SettingsPatch) => api.patch<Settings>('/settings', patch);
