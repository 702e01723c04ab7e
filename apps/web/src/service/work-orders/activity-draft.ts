import type { Activity, ActivityType } from '../../api/work-types';
import type { ActivityInput } from './work-orders-api';

export const LEAK_METHODS = ['direct', 'indirect', 'leak_detection_system'] as const;
export type LeakMethod = (typeof LEAK_METHODS)[number];
export const COMBUSTION_KEYS = [
  'co2Percent',
  'o2Percent',
  'coPpm',
  'flueGasTemperatureC',
  'ambientTemperatureC',
  'efficiencyPercent',
  'draughtPa',
] as const;
export type CombustionKey = (typeof COMBUSTION_KEYS)[number];
export type Measurement = { name: string; value: number | null; unit: string };

/** One activity while it is edited: every field any type may need. */
export type ActivityDraft = {
  key: string;
  installationId: string;
  type: ActivityType;
  notes: string;
  description: string;
  result: 'no_leak' | 'leak_found' | null;
  method: LeakMethod | null;
  leakLocation: string;
  refrigerant: string | null;
  quantityKg: number | null;
  cylinderId: string | null;
  recycled: boolean;
  measurements: Measurement[];
  cleaned: boolean;
  combustion: Record<CombustionKey, number | null>;
};

export const WITH_DESCRIPTION: ActivityType[] = [
  'leak_repair',
  'maintenance',
  'repair',
  'heating_audit',
  'energy_inspection',
  'decommissioning',
];

let counter = 0;
export const newKey = () => `a${Date.now().toString(36)}${(counter++).toString(36)}`;

const emptyCombustion = () =>
  Object.fromEntries(COMBUSTION_KEYS.map((k) => [k, null])) as Record<CombustionKey, number | null>;

export function newActivity(
  installationId: string,
  type: ActivityType,
  refrigerant: string | null,
): ActivityDraft {
  return {
    key: newKey(),
    installationId,
    type,
    notes: '',
    description: '',
    result: null,
    method: null,
    leakLocation: '',
    refrigerant: type === 'refrigerant_added' || type === 'refrigerant_recovered' ? refrigerant : null,
    quantityKg: null,
    cylinderId: null,
    recycled: false,
    measurements: type === 'measurements' ? [{ name: '', value: null, unit: '' }] : [],
    cleaned: false,
    combustion: emptyCombustion(),
  };
}

const s = (v: unknown) => (typeof v === 'string' ? v : '');
const n = (v: unknown) => (typeof v === 'number' ? v : null);

export function draftOfActivity(a: Activity): ActivityDraft {
  const d = a.details;
  const combustion = (d.combustion ?? {}) as Record<string, unknown>;
  return {
    ...newActivity(a.installationId, a.type, a.refrigerant),
    result: a.result,
    method: LEAK_METHODS.find((m) => m === d.method) ?? null,
    leakLocation: s(d.leakLocation),
    notes: s(d.notes),
    description: s(d.description),
    refrigerant: a.refrigerant,
    quantityKg: a.quantityKg,
    cylinderId: a.cylinderId,
    recycled: d.recycled === true,
    measurements: Array.isArray(d.measurements)
      ? (d.measurements as Record<string, unknown>[]).map((m) => ({
          name: s(m.name),
          value: n(m.value),
          unit: s(m.unit),
        }))
      : [],
    cleaned: d.cleaned === true,
    combustion: Object.fromEntries(COMBUSTION_KEYS.map((k) => [k, n(combustion[k])])) as Record<
      CombustionKey,
      number | null
    >,
  };
}

/** The API body of an activity: only the fields its type carries. */
export function activityInput(d: ActivityDraft): ActivityInput {
  const body: ActivityInput = { type: d.type, installationId: d.installationId };
  if (d.notes.trim()) body.notes = d.notes;
  if (WITH_DESCRIPTION.includes(d.type) && d.description.trim()) body.description = d.description;
  switch (d.type) {
    case 'leak_check':
      if (d.result) body.result = d.result;
      if (d.method) body.method = d.method;
      if (d.leakLocation.trim()) body.leakLocation = d.leakLocation;
      break;
    case 'refrigerant_added':
    case 'refrigerant_recovered':
      body.refrigerant = d.refrigerant ?? '';
      body.quantityKg = d.quantityKg ?? 0;
      if (d.cylinderId) body.cylinderId = d.cylinderId;
      if (d.type === 'refrigerant_added' && d.recycled) body.recycled = true;
      break;
    case 'measurements':
      body.measurements = d.measurements
        .filter((m) => m.name.trim() || m.value !== null)
        .map((m) => ({ name: m.name, value: m.value ?? 0, unit: m.unit }));
      break;
    case 'heating_maintenance': {
      body.cleaned = d.cleaned;
      const readings = Object.fromEntries(Object.entries(d.combustion).filter(([, v]) => v !== null));
      if (Object.keys(readings).length > 0) body.combustion = readings;
      break;
    }
  }
  return body;
}
