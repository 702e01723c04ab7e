import type { TFunction } from 'i18next';
import type { Building } from '../../api/site-types';

/** The default building is stored as "Default": shown in the interface language. */
export const buildingName = (t: TFunction, b: Pick<Building, 'name' | 'isDefault'>) =>
  b.isDefault && b.name === 'Default' ? t('buildings.default') : b.name;
