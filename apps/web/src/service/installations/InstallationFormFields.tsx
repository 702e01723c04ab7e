import { Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FORECAST_MODES, HEATING_FUELS, INSTALLATION_KINDS, type Building } from '../../api/site-types';
import { DateField } from '../../components/fields/DateField';
import { NumberField } from '../../components/fields/NumberField';
import { YesNoSelect } from '../../components/fields/YesNoSelect';
import { LabelPicker } from '../../components/LabelPicker';
import { text } from '../../components/useFields';
import { buildingName } from '../locations/building-name';
import { REFRIGERANT_KINDS, type InstallationDraft } from './installation-form';
import { useRefrigerants } from './useRefrigerants';

type Props = {
  values: InstallationDraft;
  set: <K extends keyof InstallationDraft>(field: K) => (value: InstallationDraft[K]) => void;
  errors: Record<string, string>;
  buildings: Building[];
};

/** Every field of an installation, grouped; the groups follow the kind. */
export function InstallationFormFields({ values, set, errors, buildings }: Props) {
  const { t } = useTranslation();
  const refrigerants = useRefrigerants();
  const refrigerantKind = values.kind === null || REFRIGERANT_KINDS.includes(values.kind);
  const heatingKind = values.kind === 'heating';
  const str = (field: 'reference' | 'brand' | 'model' | 'serialNumber') => ({
    label: t(`fields.${field}`),
    value: values[field],
    onChange: text(set(field)),
    error: errors[field],
  });

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('installations.groups.general')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={t('fields.kind')}
            data={INSTALLATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={values.kind}
            onChange={(v) => set('kind')(v as InstallationDraft['kind'])}
            error={errors.kind}
            clearable
            data-autofocus
          />
          <TextInput {...str('reference')} />
          {buildings.length > 1 && (
            <Select
              label={t('installations.building')}
              data={buildings.map((b) => ({ value: b.id, label: buildingName(t, b) }))}
              value={values.buildingId}
              onChange={set('buildingId')}
              allowDeselect={false}
              error={errors.buildingId}
            />
          )}
          <TextInput {...str('brand')} />
          <TextInput {...str('model')} />
          <TextInput {...str('serialNumber')} />
          <TextInput
            label={t('fields.externalReference')}
            value={values.externalReference ?? ''}
            onChange={(e) => set('externalReference')(e.currentTarget.value || null)}
            error={errors.externalReference}
          />
        </SimpleGrid>
        <LabelPicker
          scope="installation"
          value={values.labelIds}
          onChange={set('labelIds')}
          error={errors.labelIds}
        />
      </Stack>
      {refrigerantKind && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('installations.groups.refrigerant')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              label={t('fields.refrigerant')}
              data={refrigerants.options}
              value={values.refrigerant}
              onChange={set('refrigerant')}
              error={errors.refrigerant}
              searchable
              clearable
            />
            <NumberField
              label={t('fields.chargeKg')}
              value={values.chargeKg}
              onChange={set('chargeKg')}
              error={errors.chargeKg}
              min={0}
              decimalScale={3}
            />
            <NumberField
              label={t('fields.coolingCapacityKw')}
              value={values.coolingCapacityKw}
              onChange={set('coolingCapacityKw')}
              error={errors.coolingCapacityKw}
              min={0}
              decimalScale={2}
            />
            <YesNoSelect
              label={t('fields.hermeticallySealed')}
              value={values.hermeticallySealed}
              onChange={set('hermeticallySealed')}
              error={errors.hermeticallySealed}
            />
            <YesNoSelect
              label={t('fields.leakDetectionSystem')}
              value={values.leakDetectionSystem}
              onChange={set('leakDetectionSystem')}
              error={errors.leakDetectionSystem}
            />
            <YesNoSelect
              label={t('fields.comfortCooling')}
              description={t('installations.comfortHelp')}
              value={values.comfortCooling}
              onChange={set('comfortCooling')}
              error={errors.comfortCooling}
            />
          </SimpleGrid>
        </Stack>
      )}
      {heatingKind && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('installations.groups.heating')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              label={t('fields.heatingFuel')}
              data={HEATING_FUELS.map((f) => ({ value: f, label: t(`fuels.${f}`) }))}
              value={values.heatingFuel}
              onChange={(v) => set('heatingFuel')(v as InstallationDraft['heatingFuel'])}
              error={errors.heatingFuel}
              clearable
            />
            <NumberField
              label={t('fields.heatingCapacityKw')}
              value={values.heatingCapacityKw}
              onChange={set('heatingCapacityKw')}
              error={errors.heatingCapacityKw}
              min={0}
              decimalScale={2}
            />
          </SimpleGrid>
        </Stack>
      )}
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('installations.groups.forecast')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <DateField
            label={t('fields.commissionedOn')}
            value={values.commissionedOn}
            onChange={set('commissionedOn')}
            error={errors.commissionedOn}
          />
          <DateField
            label={t('fields.forecastStartOn')}
            description={t('installations.forecastStartHelp')}
            value={values.forecastStartOn}
            onChange={set('forecastStartOn')}
            error={errors.forecastStartOn}
          />
          <Select
            label={t('fields.forecastMode')}
            data={FORECAST_MODES.map((m) => ({ value: m, label: t(`forecastModes.${m}`) }))}
            value={values.forecastMode}
            onChange={(v) => set('forecastMode')((v ?? 'automatic') as InstallationDraft['forecastMode'])}
            allowDeselect={false}
            error={errors.forecastMode}
          />
          {values.forecastMode === 'custom' && (
            <NumberField
              label={t('fields.customIntervalMonths')}
              value={values.customIntervalMonths}
              onChange={set('customIntervalMonths')}
              error={errors.customIntervalMonths}
              min={1}
              max={120}
              decimalScale={0}
            />
          )}
          {values.forecastMode !== 'automatic' && (
            <TextInput
              label={t('fields.forecastModeReason')}
              value={values.forecastModeReason}
              onChange={text(set('forecastModeReason'))}
              error={errors.forecastModeReason}
            />
          )}
        </SimpleGrid>
      </Stack>
      <Textarea
        label={t('fields.notes')}
        autosize
        minRows={3}
        value={values.notes}
        onChange={text(set('notes'))}
        error={errors.notes}
      />
    </Stack>
  );
}
