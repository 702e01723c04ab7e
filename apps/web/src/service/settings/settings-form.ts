import type { Settings } from '../../api/work-types';
import type { SettingsPatch } from './settings-api';

export type SettingsDraft = Omit<Settings, 'updatedAt' | 'version'>;
export type SetField = <K extends keyof SettingsDraft>(field: K) => (value: SettingsDraft[K]) => void;

export const draftOfSettings = ({
  updatedAt: _updatedAt,
  version: _version,
  ...rest
}: Settings): SettingsDraft => rest;

/** Empty optional texts go out as null, as the API expects. */
export function normalise(d: SettingsDraft): SettingsPatch {
  return {
    ...d,
    email: d.email?.trim() || null,
    enterpriseNumber: d.enterpriseNumber?.trim() || null,
    vatNumber: d.vatNumber?.trim() || null,
    country: d.country.trim().toUpperCase(),
    bccAddresses: d.bccAddresses.map((a) => a.trim()).filter(Boolean),
  };
}
