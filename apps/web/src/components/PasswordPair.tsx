import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { text } from './useFields';

type Props = {
  label: string;
  repeatLabel: string;
  value: string;
  repeat: string;
  onChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  /** The server's error for the new password. */
  error?: string | undefined;
  /** Set once the form was submitted, so the mismatch shows only then. */
  showMismatch: boolean;
};

export const passwordsDiffer = (value: string, repeat: string) => value !== repeat;

/** A new password typed twice, with the policy explained. */
export function PasswordPair(props: Props) {
  const { t } = useTranslation();
  const mismatch = props.showMismatch && passwordsDiffer(props.value, props.repeat);
  return (
    <Stack gap="sm">
      <PasswordInput
        label={props.label}
        description={t('auth.passwordHelp')}
        autoComplete="new-password"
        required
        value={props.value}
        onChange={text(props.onChange)}
        error={props.error}
      />
      <PasswordInput
        label={props.repeatLabel}
        autoComplete="new-password"
        required
        value={props.repeat}
        onChange={text(props.onRepeatChange)}
        error={mismatch ? t('errors.fields.passwordsDiffer') : undefined}
      />
    </Stack>
  );
}
