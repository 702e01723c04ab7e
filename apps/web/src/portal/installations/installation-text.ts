import type { Forecast, ForecastDue, ForecastUnknown, InstallationForecastKey } from '../../api/site-types';
import { INSTALLATION_FORECAST_KEYS } from '../../api/site-types';
import type { PortalInstallation, PortalLocation } from '../api';
import type { Formatters } from '../format';
import type { PortalT } from '../i18n';

export type Check = { key: InstallationForecastKey; forecast: ForecastDue | ForecastUnknown };

const RANK = { overdue: 0, planned: 1, unknown: 2 } as const;

/** The obligations that apply to an installation: overdue first, then by due date, unknown dates last. */
export function checksOf(installation: PortalInstallation): Check[] {
  return INSTALLATION_FORECAST_KEYS.flatMap((key) => {
    const forecast: Forecast = installation.forecast[key];
    return forecast ? [{ key, forecast }] : [];
  }).sort((a, b) => {
    const rank = RANK[a.forecast.status] - RANK[b.forecast.status];
    if (rank !== 0) return rank;
    const dueA = a.forecast.status === 'unknown' ? '' : a.forecast.dueOn;
    const dueB = b.forecast.status === 'unknown' ? '' : b.forecast.dueOn;
    return dueA.localeCompare(dueB);
  });
}

export const overdueCount = (items: PortalInstallation[]) =>
  items.reduce((sum, i) => sum + checksOf(i).filter((c) => c.forecast.status === 'overdue').length, 0);

export const installationName = (t: PortalT, i: PortalInstallation) =>
  i.reference.trim() || [i.brand, i.model].filter(Boolean).join(' ') || t('installations.untitled');

export const locationName = (l: PortalLocation) => l.name.trim() || l.address;

const COOLING_KINDS = new Set(['refrigeration', 'air_conditioning', 'heat_pump']);
export const isCooling = (i: PortalInstallation) =>
  i.kind ? COOLING_KINDS.has(i.kind) : i.refrigerant !== null || i.chargeKg !== null;
export const isHeating = (i: PortalInstallation) =>
  i.kind ? i.kind === 'heating' : i.heatingFuel !== null || i.heatingCapacityKw !== null;

export type Fact = { label: string; value: string | null; mono?: boolean; wide?: boolean };

/** The few properties a card shows; empty ones are left out. */
export function cardFacts(t: PortalT, f: Formatters, i: PortalInstallation): Fact[] {
  const facts: Fact[] = [];
  if (i.refrigerant || i.chargeKg !== null) {
    const charge = i.chargeKg !== null ? f.kg(i.chargeKg) : null;
    facts.push({
      label: t('facts.refrigerant'),
      value: [i.refrigerant, charge].filter(Boolean).join(' · '),
    });
  }
  if (i.co2eTonnes !== null) facts.push({ label: t('facts.co2e'), value: f.co2e(i.co2eTonnes) });
  if (i.coolingCapacityKw !== null)
    facts.push({ label: t('facts.coolingCapacity'), value: f.kw(i.coolingCapacityKw) });
  if (i.heatingFuel || i.heatingCapacityKw !== null) {
    const capacity = i.heatingCapacityKw !== null ? f.kw(i.heatingCapacityKw) : null;
    const fuel = i.heatingFuel ? t(`fuels.${i.heatingFuel}`) : null;
    facts.push({ label: t('facts.heatingFuel'), value: [fuel, capacity].filter(Boolean).join(' · ') });
  }
  if (i.commissionedOn) facts.push({ label: t('facts.commissionedOn'), value: f.date(i.commissionedOn) });
  return facts;
}

/** Every property that matters for this kind of installation; unknown ones say so. */
export function detailFacts(t: PortalT, f: Formatters, i: PortalInstallation): Fact[] {
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('facts.yes') : t('facts.no'));
  const facts: Fact[] = [
    { label: t('facts.kind'), value: i.kind ? t(`kinds.${i.kind}`) : null },
    { label: t('facts.brandModel'), value: [i.brand, i.model].filter(Boolean).join(' ') || null },
    { label: t('facts.serialNumber'), value: i.serialNumber || null },
  ];
  if (isCooling(i)) {
    facts.push(
      { label: t('facts.refrigerant'), value: i.refrigerant },
      { label: t('facts.charge'), value: i.chargeKg === null ? null : f.kg(i.chargeKg) },
      { label: t('facts.co2e'), value: i.co2eTonnes === null ? null : f.co2e(i.co2eTonnes) },
      { label: t('facts.hermeticallySealed'), value: yesNo(i.hermeticallySealed) },
      { label: t('facts.leakDetectionSystem'), value: yesNo(i.leakDetectionSystem) },
      {
        label: t('facts.coolingCapacity'),
        value: i.coolingCapacityKw === null ? null : f.kw(i.coolingCapacityKw),
      },
    );
  }
  if (isHeating(i)) {
    facts.push(
      { label: t('facts.heatingFuel'), value: i.heatingFuel ? t(`fuels.${i.heatingFuel}`) : null },
      {
        label: t('facts.heatingCapacity'),
        value: i.heatingCapacityKw === null ? null : f.kw(i.heatingCapacityKw),
      },
    );
  }
  facts.push(
    { label: t('facts.commissionedOn'), value: i.commissionedOn ? f.date(i.commissionedOn) : null },
    { label: t('facts.token'), value: i.token, mono: true, wide: true },
  );
  return facts;
}
