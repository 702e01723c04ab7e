import { useTranslation } from 'react-i18next';
import type { Language } from '../../api/types';
import { todayIso } from '../../i18n/format';
import { documentDate, type PlaceholderValues } from '../documents/fill-template';

/** Sample values for a template preview, in the template's own language. */
export function useSampleValues() {
  const { t } = useTranslation();
  return (language: Language, companyName: string): PlaceholderValues => ({
    customerName: t('templatePreview.sampleCustomer', { lng: language }),
    workOrderNumber: '1042',
    date: documentDate(todayIso(), language),
    companyName: companyName.trim() || t('templatePreview.sampleCompany', { lng: language }),
  });
}
