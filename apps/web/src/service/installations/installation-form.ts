import type { Installation, InstallationFields, InstallationKind } from '../../api/site-types';

export type InstallationDraft = InstallationFields & { buildingId: string | null; labelIds: string[] };

export const REFRIGERANT_KINDS: InstallationKind[] = ['refrigeration', 'air_conditioning', 'heat_pump'];

export function draftOf(i: Installation | null): InstallationDraft {
  return {
    kind: i?.kind ?? null,
    reference: i?.reference ?? '',
    brand: i?.brand ?? '',
    model: i?.model ?? '',
    serialNumber: i?.serialNumber ?? '',
    refrigerant: i?.refrigerant ?? null,
    chargeKg: i?.chargeKg ?? null,
    hermeticallySealed: i?.hermeticallySealed ?? null,
    leakDetectionSystem: i?.leakDetectionSystem ?? null,
    coolingCapacityKw: i?.coolingCapacityKw ?? null,
    comfortCooling: i?.comfortCooling ?? null,
    heatingFuel: i?.heatingFuel ?? null,
    heatingCapacityKw: i?.heatingCapacityKw ?? null,
    commissionedOn: i?.commissionedOn ?? null,
    forecastStartOn: i?.forecastStartOn ?? null,
    forecastMode: i?.forecastMode ?? 'automatic',
    customIntervalMonths: i?.customIntervalMonths ?? null,
    forecastModeReason: i?.forecastModeReason ?? '',
    notes: i?.notes ?? '',
    externalReference: i?.externalReference ?? null,
    buildingId: i?.buildingId ?? null,
    labelIds: i?.labels.map((l) => l.id) ?? [],
  };
}

/** The same check as the server's "incomplete installations": what is still empty (saving is allowed). */
export function missingOf(d: InstallationDraft): string[] {
  if (!d.kind) return ['kind'];
  const missing: string[] = [];
  const need = (field: keyof InstallationDraft) => {
    const value = d[field];
    if (value === null || value === '') missing.push(field);
  };
  if (REFRIGERANT_KINDS.includes(d.kind)) {
    for (const f of [
      'refrigerant',
      'chargeKg',
      'hermeticallySealed',
      'leakDetectionSystem',
      'coolingCapacityKw',
      'comfortCooling',
    ] as const)
      need(f);
  } else {
    need('heatingFuel');
    need('heatingCapacityKw');
  }
  if (!d.commissionedOn && !d.forecastStartOn) missing.push('commissionedOn');
  return missing;
}
