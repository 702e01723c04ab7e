import { useId, useState, type FormEvent } from 'react';
import type { Installation } from '../../api/site-types';
import type { ActivityType, Cylinder } from '../../api/work-types';
import { FIELD_ACTIVITY_TYPES } from '../data/activities';
import type { ActivityInput, Combustion, LeakMethod, LeakResult } from '../data/model';
import { parseDecimal, useFormat, useT, type MessageKey } from '../i18n';
import { installationName } from './describe';
import { IconPlus, IconTrash } from './icons';
import { Button, Checkbox, Choice, SelectField, TextArea, TextField } from './kit';

const COMBUSTION_FIELDS = [
  ['co2Percent', 0, 25],
  ['o2Percent', 0, 21],
  ['coPpm', 0, 10_000],
  ['flueGasTemperatureC', -50, 1000],
  ['ambientTemperatureC', -50, 100],
  ['efficiencyPercent', 0, 120],
  ['draughtPa', -500, 500],
] as const satisfies readonly (readonly [keyof Combustion, number, number])[];

const MEASUREMENT_PRESETS = [
  ['highPressure', 'bar'],
  ['lowPressure', 'bar'],
  ['superheat', 'K'],
  ['subcooling', 'K'],
  ['supplyAir', '°C'],
  ['returnAir', '°C'],
  ['current', 'A'],
] as const;
const UNITS = ['bar', '°C', 'K', 'A', 'V', 'Pa', '%', 'ppm', 'kW'];

type Row = { name: string; value: string; unit: string };
type Errors = Partial<Record<string, string>>;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/**
 * Records or changes one activity. The form shows the fields of the chosen type; numbers may be
 * typed with a comma. Nothing goes to the server from here: the work order's draft is saved.
 */
export function ActivityEditor({
  initial,
  installations,
  cylinders,
  refrigerants,
  onSave,
  onCancel,
}: {
  initial: ActivityInput | null;
  installations: Installation[];
  cylinders: Cylinder[];
  refrigerants: string[];
  onSave: (activity: ActivityInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const listId = useId();
  const [installationId, setInstallationId] = useState(initial?.installationId ?? installations[0]?.id ?? '');
  const installation = installations.find((i) => i.id === installationId);
  const [type, setType] = useState<ActivityType | ''>(initial?.type ?? '');
  const [result, setResult] = useState<string>(initial?.result ?? '');
  const [method, setMethod] = useState<string>(initial?.method ?? '');
  const [leakLocation, setLeakLocation] = useState(initial?.leakLocation ?? '');
  const [refrigerant, setRefrigerant] = useState(initial?.refrigerant ?? installation?.refrigerant ?? '');
  const [quantity, setQuantity] = useState(text(initial?.quantityKg));
  const [cylinderId, setCylinderId] = useState(initial?.cylinderId ?? '');
  const [recycled, setRecycled] = useState(initial?.recycled ?? false);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [rows, setRows] = useState<Row[]>(
    initial?.measurements?.map((m) => ({ name: m.name, value: String(m.value), unit: m.unit })) ?? [
      { name: '', value: '', unit: '' },
    ],
  );
  const [cleaned, setCleaned] = useState(initial?.cleaned ?? false);
  const [combustion, setCombustion] = useState<Record<string, string>>(
    Object.fromEntries(COMBUSTION_FIELDS.map(([key]) => [key, text(initial?.combustion?.[key])])),
  );
  const [errors, setErrors] = useState<Errors>({});

  const chooseInstallation = (id: string) => {
    setInstallationId(id);
    const next = installations.find((i) => i.id === id);
    if (next?.refrigerant && !initial) setRefrigerant(next.refrigerant);
  };

  const refrigerantMove = type === 'refrigerant_added' || type === 'refrigerant_recovered';
  const cylinderKind = type === 'refrigerant_added' ? 'supply' : 'recovery';
  const usableCylinders = cylinders.filter(
    (c) =>
      c.kind === cylinderKind &&
      (!c.refrigerant || !refrigerant || c.refrigerant.toUpperCase() === refrigerant.trim().toUpperCase()),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!installationId) found.installation = t('activity.errors.installation');
    if (!type) found.type = t('activity.errors.type');
    const activity: ActivityInput = { installationId, type: type || 'maintenance' };
    if (notes.trim()) activity.notes = notes.trim();
    if (type === 'leak_check') {
      if (!result) found.result = t('activity.errors.result');
      else activity.result = result as LeakResult;
      if (method) activity.method = method as LeakMethod;
      if (result === 'leak_found' && leakLocation.trim()) activity.leakLocation = leakLocation.trim();
    }
    if (refrigerantMove) {
      const kg = parseDecimal(quantity);
      if (!refrigerant.trim()) found.refrigerant = t('activity.errors.refrigerant');
      if (kg === null || kg <= 0 || kg > 10_000) found.quantity = t('activity.errors.quantity');
      activity.refrigerant = refrigerant.trim();
      if (kg !== null) activity.quantityKg = kg;
      if (cylinderId && usableCylinders.some((c) => c.id === cylinderId)) activity.cylinderId = cylinderId;
      if (type === 'refrigerant_added' && recycled) activity.recycled = true;
    }
    if (type === 'measurements') {
      const measurements = rows
        .filter((r) => r.name.trim() || r.value.trim())
        .map((r) => ({ name: r.name.trim(), value: parseDecimal(r.value), unit: r.unit.trim() }));
      if (measurements.length === 0 || measurements.some((m) => !m.name || m.value === null))
        found.measurements = t('activity.errors.measurements');
      else activity.measurements = measurements.map((m) => ({ ...m, value: m.value! }));
    }
    if (type === 'heating_maintenance') {
      activity.cleaned = cleaned;
      const readings: Combustion = {};
      for (const [key, min, max] of COMBUSTION_FIELDS) {
        if (!combustion[key]?.trim()) continue;
        const value = parseDecimal(combustion[key]);
        if (value === null || value < min || value > max)
          found[key] = t('activity.errors.range', { min: format.number(min), max: format.number(max) });
        else readings[key] = value;
      }
      if (Object.keys(readings).length) activity.combustion = readings;
    }
    if (type && ['maintenance', 'repair', 'leak_repair'].includes(type) && description.trim())
      activity.description = description.trim();
    setErrors(found);
    if (Object.keys(found).length === 0) onSave(activity);
    else
      document
        .querySelector<HTMLElement>('.field-invalid input, .field-invalid select, .field-invalid textarea')
        ?.focus();
  };

  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby={`${listId}-title`}>
      <h2 id={`${listId}-title`} tabIndex={-1} className="editor-title">
        {initial
          ? t('activity.editTitle', { type: t(`activity.types.${initial.type}`) })
          : t('activity.addTitle')}
      </h2>
      {installations.length > 1 && (
        <SelectField
          label={t('activity.installation')}
          required
          value={installationId}
          onValue={chooseInstallation}
          error={errors.installation}
          options={installations.map((i) => ({ value: i.id, label: installationName(i, t) }))}
        />
      )}
      <SelectField
        label={t('activity.type')}
        required
        value={type}
        onValue={(v) => setType(v as ActivityType)}
        error={errors.type}
        placeholder={t('activity.choose')}
        options={[
          ...new Set<ActivityType>([...FIELD_ACTIVITY_TYPES, ...(initial ? [initial.type] : [])]),
        ].map((value) => ({ value, label: t(`activity.types.${value}`) }))}
      />

      {type === 'leak_check' && (
        <>
          <Choice
            legend={t('activity.result.label')}
            required
            value={result}
            onValue={setResult}
            error={errors.result}
            options={(['no_leak', 'leak_found'] as const).map((v) => ({
              value: v,
              label: t(`activity.result.${v}`),
            }))}
          />
          <SelectField
            label={t('activity.method.label')}
            value={method}
            onValue={setMethod}
            placeholder={t('activity.notGiven')}
            options={(['direct', 'indirect', 'leak_detection_system'] as const).map((v) => ({
              value: v,
              label: t(`activity.method.${v}`),
            }))}
          />
          {result === 'leak_found' && (
            <TextField
              label={t('activity.leakLocation')}
              maxLength={200}
              value={leakLocation}
              onValue={setLeakLocation}
            />
          )}
        </>
      )}

      {refrigerantMove && (
        <>
          <TextField
            label={t('activity.refrigerant')}
            required
            list={`${listId}-refrigerants`}
            autoCapitalize="characters"
            value={refrigerant}
            onValue={setRefrigerant}
            error={errors.refrigerant}
            hint={
              installation?.refrigerant
                ? t('activity.installationHolds', { refrigerant: installation.refrigerant })
                : undefined
            }
          />
          <datalist id={`${listId}-refrigerants`}>
            {refrigerants.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <TextField
            label={t('activity.quantity')}
            required
            inputMode="decimal"
            value={quantity}
            onValue={setQuantity}
            error={errors.quantity}
          />
          <SelectField
            label={t(type === 'refrigerant_added' ? 'activity.cylinderFrom' : 'activity.cylinderInto')}
            value={cylinderId}
            onValue={setCylinderId}
            placeholder={t('activity.noCylinder')}
            hint={usableCylinders.length === 0 ? t('activity.noCylinders') : undefined}
            options={usableCylinders.map((c) => ({
              value: c.id,
              label: t('activity.cylinderOption', {
                serial: c.serialNumber,
                refrigerant: c.refrigerant ?? '',
                content: format.kg(c.contentKg),
              }),
            }))}
          />
          {type === 'refrigerant_added' && (
            <Checkbox label={t('activity.recycled')} checked={recycled} onValue={setRecycled} />
          )}
        </>
      )}

      {type === 'measurements' && (
        <fieldset className="measurements">
          <legend className="field-label">{t('activity.measurements')}</legend>
          <datalist id={`${listId}-names`}>
            {MEASUREMENT_PRESETS.map(([key]) => (
              <option key={key} value={t(`activity.presets.${key}`)} />
            ))}
          </datalist>
          <datalist id={`${listId}-units`}>
            {UNITS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          {rows.map((row, index) => {
            const update = (change: Partial<Row>) =>
              setRows((all) =>
                all.map((r, i) => {
                  if (i !== index) return r;
                  const next = { ...r, ...change };
                  // A known measurement brings its unit along.
                  const preset = MEASUREMENT_PRESETS.find(
                    ([key]) => t(`activity.presets.${key}`) === change.name,
                  );
                  if (preset && !r.unit) next.unit = preset[1];
                  return next;
                }),
              );
            return (
              <div
                key={index}
                className="measurement-row"
                role="group"
                aria-label={t('activity.measurementName', { n: index + 1 })}
              >
                <TextField
                  label={t('activity.measurementName', { n: index + 1 })}
                  list={`${listId}-names`}
                  value={row.name}
                  onValue={(name) => update({ name })}
                />
                <TextField
                  label={t('activity.value')}
                  inputMode="decimal"
                  value={row.value}
                  onValue={(value) => update({ value })}
                />
                <TextField
                  label={t('activity.unit')}
                  list={`${listId}-units`}
                  value={row.unit}
                  onValue={(unit) => update({ unit })}
                />
                {rows.length > 1 && (
                  <Button
                    variant="ghost"
                    className="icon-button"
                    aria-label={t('activity.removeMeasurement', { n: index + 1 })}
                    onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                  >
                    <IconTrash />
                  </Button>
                )}
              </div>
            );
          })}
          {errors.measurements && <p className="field-error">{errors.measurements}</p>}
          <Button
            variant="secondary"
            onClick={() => setRows((all) => [...all, { name: '', value: '', unit: '' }])}
          >
            <IconPlus size={18} />
            {t('activity.addMeasurement')}
          </Button>
        </fieldset>
      )}

      {type === 'heating_maintenance' && (
        <>
          <Checkbox label={t('activity.cleaned')} checked={cleaned} onValue={setCleaned} />
          <fieldset>
            <legend className="field-label">{t('activity.combustion')}</legend>
            <div className="grid-2">
              {COMBUSTION_FIELDS.map(([key]) => (
                <TextField
                  key={key}
                  label={t(`activity.readings.${key}` as MessageKey)}
                  inputMode="decimal"
                  value={combustion[key] ?? ''}
                  error={errors[key]}
                  onValue={(value) => setCombustion((all) => ({ ...all, [key]: value }))}
                />
              ))}
            </div>
          </fieldset>
        </>
      )}

      {(type === 'maintenance' || type === 'repair' || type === 'leak_repair') && (
        <TextArea
          label={t('activity.description')}
          rows={4}
          maxLength={2000}
          value={description}
          onValue={setDescription}
        />
      )}

      {type && (
        <TextArea label={t('activity.notes')} rows={2} maxLength={2000} value={notes} onValue={setNotes} />
      )}

      <div className="actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit">{t('activity.save')}</Button>
      </div>
    </form>
  );
}
