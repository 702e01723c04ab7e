import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBelgianDate, parseBelgianDate } from './date-text';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/**
 * A date typed as dd/mm/yyyy (Belgian order whatever the browser's locale), kept as YYYY-MM-DD;
 * empty means null. What cannot be read as a date is said next to the field and not passed on.
 */
export function DateField({ value, onChange, error, ...props }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatBelgianDate(value));
  const [shown, setShown] = useState(value);
  const [invalid, setInvalid] = useState(false);
  if (value !== shown) {
    // Changed from outside (reset, another default): show the new value.
    setShown(value);
    setText(formatBelgianDate(value));
    setInvalid(false);
  }
  const commit = (next: string) => {
    if (!next.trim()) {
      setInvalid(false);
      setShown(null);
      onChange(null);
      return;
    }
    const iso = parseBelgianDate(next);
    setInvalid(iso === null);
    if (iso !== null) {
      setShown(iso);
      onChange(iso);
    }
  };
  return (
    <TextInput
      {...props}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('common.datePlaceholder')}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        if (parseBelgianDate(event.currentTarget.value) || !event.currentTarget.value.trim()) {
          commit(event.currentTarget.value);
        }
      }}
      onBlur={(event) => {
        commit(event.currentTarget.value);
        if (parseBelgianDate(event.currentTarget.value))
          setText(formatBelgianDate(parseBelgianDate(event.currentTarget.value)));
      }}
      error={invalid ? t('common.invalidDate') : error}
    />
  );
}
