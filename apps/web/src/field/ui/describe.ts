import type { Installation, Location } from '../../api/site-types';
import type { Cylinder } from '../../api/work-types';
import type { Translate } from '../i18n';
import type { ActivityInput, WorkOrderRecord } from '../data/model';

type Format = { kg: (n: number) => string; number: (n: number, digits?: number) => string };

export function installationName(installation: Installation | undefined, t: Translate): string {
  if (!installation) return t('installation.notOnDevice');
  if (installation.reference.trim()) return installation.reference;
  const brandModel = [installation.brand, installation.model].filter(Boolean).join(' ');
  return brandModel || t('installation.unnamed');
}

export function addressLine(location: Location, t: Translate): string {
  const street = [location.street, location.number].filter(Boolean).join(' ');
  const box = location.box ? ` ${t('location.box', { box: location.box })}` : '';
  const city = [location.postcode, location.city].filter(Boolean).join(' ');
  return [`${street}${box}`.trim(), city].filter(Boolean).join(', ') || location.name;
}

/** Opens the phone's maps app on the address (geo: on Android, Apple Maps on iOS). */
export function mapsUrl(location: Location, t: Translate): string {
  const query = encodeURIComponent(
    [addressLine(location, t), location.country && location.country !== 'BE' ? location.country : '']
      .filter(Boolean)
      .join(', '),
  );
  const ua = navigator.userAgent;
  if (/Android/.test(ua)) return `geo:0,0?q=${query}`;
  if (/iPhone|iPad|Macintosh/.test(ua)) return `https://maps.apple.com/?q=${query}`;
  return `https://www.google.com/maps/search/?api=1&query=${query}`;
}

export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function workOrderTitle(record: WorkOrderRecord, t: Translate): string {
  return record.server ? t('workOrder.title', { number: record.server.number }) : t('workOrder.newTitle');
}

export function activitySummary(
  activity: ActivityInput,
  t: Translate,
  format: Format,
  cylinders: ReadonlyMap<string, Cylinder>,
): string {
  const parts: string[] = [];
  switch (activity.type) {
    case 'leak_check':
      if (activity.result) parts.push(t(`activity.result.${activity.result}`));
      if (activity.method) parts.push(t(`activity.method.${activity.method}`));
      if (activity.leakLocation) parts.push(activity.leakLocation);
      break;
    case 'refrigerant_added':
    case 'refrigerant_recovered': {
      if (activity.quantityKg !== undefined)
        parts.push(`${format.kg(activity.quantityKg)} ${activity.refrigerant ?? ''}`.trim());
      const cylinder = activity.cylinderId ? cylinders.get(activity.cylinderId) : undefined;
      if (activity.cylinderId)
        parts.push(
          t(activity.type === 'refrigerant_added' ? 'activity.fromCylinder' : 'activity.intoCylinder', {
            serial: cylinder?.serialNumber ?? '…',
          }),
        );
      break;
    }
    case 'measurements':
      for (const m of activity.measurements ?? [])
        parts.push(`${m.name} ${format.number(m.value, 2)} ${m.unit}`.trim());
      break;
    case 'heating_maintenance': {
      if (activity.cleaned) parts.push(t('activity.cleaned'));
      const c = activity.combustion;
      if (c?.co2Percent != null) parts.push(`CO₂ ${format.number(c.co2Percent, 2)} %`);
      if (c?.coPpm != null) parts.push(`CO ${format.number(c.coPpm, 0)} ppm`);
      if (c?.efficiencyPercent != null) parts.push(`η ${format.number(c.efficiencyPercent, 1)} %`);
      break;
    }
    default:
      if (activity.description) parts.push(activity.description);
  }
  if (activity.notes) parts.push(activity.notes);
  return parts.join(' · ');
}
