import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../api/site-types';
import { InfoGrid, type InfoItem } from '../../components/InfoGrid';
import { LabelChips } from '../../components/LabelChips';
import { useDateFormat, useNumberFormat } from '../../i18n/format';
import { REFRIGERANT_KINDS } from './installation-form';

const yesNo = (t: TFunction, v: boolean | null) => (v === null ? null : v ? t('common.yes') : t('common.no'));

/** An installation's properties, grouped like the form. */
export function InstallationFacts({ installation: i }: { installation: Installation }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const { kg, number, tonnes } = useNumberFormat();
  const kw = (v: number | null) => (v === null ? null : `${number(v, 2)} kW`);
  const refrigerantKind = i.kind === null || REFRIGERANT_KINDS.includes(i.kind);
  const general: InfoItem[] = [
    { label: t('fields.kind'), value: i.kind && t(`kinds.${i.kind}`) },
    { label: t('fields.brand'), value: i.brand },
    { label: t('fields.model'), value: i.model },
    { label: t('fields.serialNumber'), value: i.serialNumber },
    {
      label: t('installations.token'),
      value: (
        <Text span ff="monospace" size="sm">
          {i.token}
        </Text>
      ),
    },
    { label: t('fields.externalReference'), value: i.externalReference },
    { label: t('labels.field'), value: i.labels.length ? <LabelChips labels={i.labels} /> : null },
  ];
  const refrigerant: InfoItem[] = [
    { label: t('fields.refrigerant'), value: i.refrigerant },
    { label: t('fields.chargeKg'), value: kg(i.chargeKg) },
    { label: t('installations.co2e'), value: i.co2eTonnes === null ? null : tonnes(i.co2eTonnes) },
    { label: t('fields.hermeticallySealed'), value: yesNo(t, i.hermeticallySealed) },
    { label: t('fields.leakDetectionSystem'), value: yesNo(t, i.leakDetectionSystem) },
    { label: t('fields.coolingCapacityKw'), value: kw(i.coolingCapacityKw) },
    { label: t('fields.comfortCooling'), value: yesNo(t, i.comfortCooling) },
  ];
  const heating: InfoItem[] = [
    { label: t('fields.heatingFuel'), value: i.heatingFuel && t(`fuels.${i.heatingFuel}`) },
    { label: t('fields.heatingCapacityKw'), value: kw(i.heatingCapacityKw) },
  ];
  const forecast: InfoItem[] = [
    { label: t('fields.commissionedOn'), value: date(i.commissionedOn) },
    { label: t('fields.forecastStartOn'), value: date(i.forecastStartOn) },
    {
      label: t('fields.forecastMode'),
      value:
        t(`forecastModes.${i.forecastMode}`) +
        (i.forecastMode === 'custom' && i.customIntervalMonths
          ? ` · ${t('forecasts.everyMonths', { count: i.customIntervalMonths })}`
          : '') +
        (i.forecastModeReason ? ` · ${i.forecastModeReason}` : ''),
    },
  ];
  const group = (title: string, items: InfoItem[]) => (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <InfoGrid items={items} cols={4} />
    </Stack>
  );
  return (
    <Stack gap="md">
      {group(t('installations.groups.general'), general)}
      {refrigerantKind && group(t('installations.groups.refrigerant'), refrigerant)}
      {i.kind === 'heating' && group(t('installations.groups.heating'), heating)}
      {group(t('installations.groups.forecast'), forecast)}
      {i.notes && group(t('fields.notes'), [{ label: t('fields.notes'), value: i.notes }])}
    </Stack>
  );
}
