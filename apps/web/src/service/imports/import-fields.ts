import { useTranslation } from 'react-i18next';
import { useFieldName } from '../installations/field-names';

const IMPORT_ONLY = [
  'name',
  'internalName',
  'customerNumber',
  'enterpriseNumber',
  'vatNumber',
  'language',
  'email',
  'phone',
  'mobile',
  'website',
  'customerName',
  'street',
  'number',
  'box',
  'postcode',
  'city',
  'country',
  'region',
  'locationReference',
] as const;
type ImportOnly = (typeof IMPORT_ONLY)[number];
const isImportOnly = (v: string): v is ImportOnly => (IMPORT_ONLY as readonly string[]).includes(v);

/** A field of an import in the interface language. */
export function useImportFieldName() {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  return (field: string) => (isImportOnly(field) ? t(`imports.fields.${field}`) : fieldName(field));
}
