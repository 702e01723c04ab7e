import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/work-types';
import { useNumberFormat } from '../../i18n/format';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const LEAK_METHODS = ['direct', 'indirect', 'leak_detection_system'] as const;
type LeakMethod = (typeof LEAK_METHODS)[number];
const isMethod = (v: unknown): v is LeakMethod =>
  typeof v === 'string' && (LEAK_METHODS as readonly string[]).includes(v);

/** One activity as a line of text in the interface language: type, result, quantities. */
export function useActivityText() {
  const { t } = useTranslation();
  const { kg, number } = useNumberFormat();
  return (a: Activity): { title: string; detail: string } => {
    const parts: string[] = [];
    const d = a.details;
    if (a.type === 'leak_check') {
      if (a.result) parts.push(t(`activities.results.${a.result}`));
      if (isMethod(d.method)) parts.push(t(`activities.methods.${d.method}`));
      if (str(d.leakLocation)) parts.push(`${t('activities.leakLocation')}: ${str(d.leakLocation)}`);
    }
    if (a.type === 'refrigerant_added' || a.type === 'refrigerant_recovered') {
      parts.push(`${kg(a.quantityKg)} ${a.refrigerant ?? ''}`.trim());
      if (d.recycled === true) parts.push(t('activities.recycled'));
    }
    if (a.type === 'measurements' && Array.isArray(d.measurements)) {
      for (const m of d.measurements as { name?: unknown; value?: unknown; unit?: unknown }[]) {
        if (typeof m.value === 'number')
          parts.push(`${str(m.name) ?? ''} ${number(m.value, 3)} ${str(m.unit) ?? ''}`.trim());
      }
    }
    if (a.type === 'heating_maintenance') {
      if (d.cleaned === true) parts.push(t('activities.cleaned'));
      const c = d.combustion as Record<string, unknown> | undefined;
      if (c && typeof c.efficiencyPercent === 'number') {
        parts.push(`${t('activities.combustion.efficiencyPercent')} ${number(c.efficiencyPercent, 1)} %`);
      }
      if (c && typeof c.coPpm === 'number') parts.push(`CO ${number(c.coPpm, 0)} ppm`);
    }
    const description = str(d.description);
    if (description) parts.push(description);
    const notes = str(d.notes);
    if (notes) parts.push(notes);
    return { title: t(`activities.types.${a.type}`), detail: parts.join(' · ') };
  };
}
