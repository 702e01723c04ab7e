import { colon, formatDate, formatNumber } from './format.js';
import { LABELS } from './labels.js';
import type { ActivityLine, InstallationSummary, Lang } from './types.js';

const yesNo = (value: boolean | null | undefined, lang: Lang) =>
  value === null || value === undefined ? '—' : value ? LABELS[lang].yes : LABELS[lang].no;

/** The installation's identity and technical data as label/value pairs. */
export function installationPairs(i: InstallationSummary, lang: Lang): Array<[string, string]> {
  const L = LABELS[lang];
  const pairs: Array<[string, string]> = [
    [L.installation, i.reference || '—'],
    [L.fields.kind!, i.kind ? L.kinds[i.kind] : '—'],
    [L.fields.brand!, i.brand],
    [L.fields.model!, i.model],
    [L.fields.serialNumber!, i.serialNumber],
    [L.fields.token!, i.token],
    [L.fields.location!, i.location],
  ];
  if (i.building) pairs.push([L.fields.building!, i.building]);
  if (i.kind === 'heating') {
    pairs.push(
      [L.fields.heatingFuel!, i.heatingFuel ? L.fuels[i.heatingFuel] : '—'],
      [
        L.fields.heatingCapacity!,
        i.heatingCapacityKw === null ? '—' : `${formatNumber(i.heatingCapacityKw, lang)} kW`,
      ],
    );
  } else {
    pairs.push(
      [L.fields.refrigerant!, i.refrigerant ?? '—'],
      [L.fields.charge!, i.chargeKg === null ? '—' : `${formatNumber(i.chargeKg, lang, 3)} kg`],
      [L.fields.co2e!, i.co2eTonnes === null ? '—' : `${formatNumber(i.co2eTonnes, lang)} t`],
      [L.fields.hermetic!, yesNo(i.hermeticallySealed, lang)],
      [L.fields.leakDetection!, yesNo(i.leakDetectionSystem, lang)],
      [
        L.fields.coolingCapacity!,
        i.coolingCapacityKw === null ? '—' : `${formatNumber(i.coolingCapacityKw, lang)} kW`,
      ],
    );
  }
  pairs.push([L.fields.commissionedOn!, formatDate(i.commissionedOn, lang)]);
  return pairs;
}

/** One activity in words: its type and every value it carries. */
export function describeActivity(a: ActivityLine, lang: Lang): { title: string; details: string } {
  const L = LABELS[lang];
  const parts: string[] = [];
  if (a.result) parts.push(L.leakResult[a.result]);
  if (a.method)
    parts.push(
      `${L.fields.method}${colon(lang)}${L.methods[a.method as keyof typeof L.methods] ?? a.method}`,
    );
  if (a.leakLocation) parts.push(`${L.fields.leakLocation}${colon(lang)}${a.leakLocation}`);
  if (a.quantityKg !== null && a.quantityKg !== undefined) {
    const co2e =
      a.co2eTonnes === null || a.co2eTonnes === undefined
        ? ''
        : ` (${formatNumber(a.co2eTonnes, lang)} t CO₂e)`;
    parts.push(`${a.refrigerant ?? ''} ${formatNumber(a.quantityKg, lang, 3)} kg${co2e}`.trim());
  }
  if (a.cylinder) parts.push(`${L.fields.cylinder}${colon(lang)}${a.cylinder}`);
  if (a.recycled) parts.push(L.fields.recycled!);
  if (a.cleaned !== null && a.cleaned !== undefined)
    parts.push(`${L.fields.cleaned}${colon(lang)}${yesNo(a.cleaned, lang)}`);
  for (const [key, value] of Object.entries(a.combustion ?? {})) {
    if (value !== null && value !== undefined)
      parts.push(`${L.fields[key] ?? key}${colon(lang)}${formatNumber(value, lang)}`);
  }
  for (const m of a.measurements ?? [])
    parts.push(`${m.name}${colon(lang)}${formatNumber(m.value, lang, 3)} ${m.unit}`.trim());
  if (a.description) parts.push(a.description);
  if (a.notes) parts.push(a.notes);
  return { title: L.activityTypes[a.type], details: parts.join(' · ') };
}
