import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { formatEnterpriseNumber } from '../../components/enterprise-number';
import { InfoGrid } from '../../components/InfoGrid';
import { LabelChips } from '../../components/LabelChips';

/** A customer's details as label/value pairs. */
export function CustomerFacts({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const website = c.website && (/^https?:\/\//.test(c.website) ? c.website : `https://${c.website}`);
  return (
    <InfoGrid
      items={[
        { label: t('customers.customerNumber'), value: c.customerNumber },
        { label: t('customers.language'), value: t(`languages.${c.language}`) },
        {
          label: t('customers.enterpriseNumber'),
          value: c.enterpriseNumber && formatEnterpriseNumber(c.enterpriseNumber),
        },
        { label: t('customers.vatNumber'), value: c.vatNumber },
        {
          label: t('customers.email'),
          value: c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>,
        },
        { label: t('customers.phone'), value: c.phone },
        { label: t('customers.mobile'), value: c.mobile },
        {
          label: t('customers.website'),
          value: website && (
            <Anchor href={website} target="_blank" rel="noreferrer">
              {c.website}
            </Anchor>
          ),
        },
        { label: t('labels.field'), value: c.labels.length ? <LabelChips labels={c.labels} /> : null },
        { label: t('customers.notes'), value: c.notes },
      ]}
    />
  );
}
