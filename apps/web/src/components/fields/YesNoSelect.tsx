import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: boolean | null;
  onChange: (value: boolean | null) => void;
};

/** Yes / no / not known yet: an essential fact may stay open until someone checks. */
export function YesNoSelect({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      allowDeselect={false}
      data={[
        { value: 'unknown', label: t('common.unknown') },
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
      value={value === null ? 'unknown' : value ? 'yes' : 'no'}
      onChange={(next) => onChange(next === 'yes' ? true : next === 'no' ? false : null)}
    />
  );
}
