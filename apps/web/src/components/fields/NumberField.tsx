import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useNumberFormat } from '../../i18n/format';

type Props = Omit<NumberInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange: (value: number | null) => void;
};

/** A decimal input with the interface language's decimal separator; empty means null. */
export function NumberField({ value, onChange, ...props }: Props) {
  const { decimalSeparator } = useNumberFormat();
  return (
    <NumberInput
      {...props}
      decimalSeparator={decimalSeparator}
      hideControls
      value={value ?? ''}
      onChange={(next) => {
        if (next === '' || next === null) onChange(null);
        else {
          const parsed = typeof next === 'number' ? next : Number(String(next).replace(',', '.'));
          onChange(Number.isFinite(parsed) ? parsed : null);
        }
      }}
    />
  );
}
