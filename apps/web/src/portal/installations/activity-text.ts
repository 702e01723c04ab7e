import type { LogbookEntry } from '../api';
import type { Formatters } from '../format';
import type { PortalT } from '../i18n';

type Activity = LogbookEntry['activities'][number];

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const METHODS = ['direct', 'indirect', 'leak_detection_system'] as const;
const isMethod = (v: unknown): v is (typeof METHODS)[number] =>
  typeof v === 'string' && (METHODS as readonly string[]).includes(v);

/** One activity as a title and a line of detail: result, method, quantities, what was done. */
export function describeActivity(t: PortalT, f: Formatters, a: Activity): { title: string; detail: string } {
  const d = a.details ?? {};
  const parts: string[] = [];
  if (a.result) parts.push(t(`logbook.results.${a.result}`));
  if (isMethod(d.method)) parts.push(t(`logbook.methods.${d.method}`));
  const place = text(d.leakLocation);
  if (place) parts.push(t('logbook.leakLocation', { place }));
  if (a.quantityKg !== null) parts.push([f.kg(a.quantityKg), a.refrigerant].filter(Boolean).join(' '));
  if (d.recycled === true) parts.push(t('logbook.recycled'));
  if (Array.isArray(d.measurements)) {
    for (const m of d.measurements as { name?: unknown; value?: unknown; unit?: unknown }[]) {
      if (typeof m.value === 'number')
        parts.push([text(m.name), f.number(m.value, 3), text(m.unit)].filter(Boolean).join(' '));
    }
  }
  if (d.cleaned === true) parts.push(t('logbook.cleaned'));
  const combustion = d.combustion as Record<string, unknown> | undefined;
  if (combustion && typeof combustion.efficiencyPercent === 'number') {
    parts.push(t('logbook.efficiency', { value: f.number(combustion.efficiencyPercent, 1) }));
  }
  if (combustion && typeof combustion.coPpm === 'number')
    parts.push(`CO ${f.number(combustion.coPpm, 0)} ppm`);
  for (const free of [text(d.description), text(d.notes)]) if (free) parts.push(free);
  return { title: t(`logbook.types.${a.type}`), detail: parts.join(' · ') };
}
