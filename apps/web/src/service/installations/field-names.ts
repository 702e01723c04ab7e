import { useTranslation } from 'react-i18next';

/** Installation (and building) fields the API names in `missing` lists. */
export const KNOWN_FIELDS = [
  'kind',
  'reference',
  'brand',
  'model',
  'serialNumber',
  'refrigerant',
  'chargeKg',
  'hermeticallySealed',
  'leakDetectionSystem',
  'coolingCapacityKw',
  'comfortCooling',
  'heatingFuel',
  'heatingCapacityKw',
  'commissionedOn',
  'forecastStartOn',
  'forecastMode',
  'customIntervalMonths',
  'forecastModeReason',
  'notes',
  'externalReference',
  'lastEnergyInspectionOn',
  'comfortCoolingKw',
] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

const isKnown = (name: string): name is KnownField => (KNOWN_FIELDS as readonly string[]).includes(name);

/** A field name from the API in the interface language (the raw name when it is new to us). */
export function useFieldName() {
  const { t } = useTranslation();
  return (name: string) => (isKnown(name) ? t(`fields.${name}`) : name);
}
