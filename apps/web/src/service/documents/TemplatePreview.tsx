import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fillTemplate, unknownPlaceholders, type PlaceholderValues } from './fill-template';

type Props = {
  /** Email templates have a subject; note templates do not. */
  subject?: string;
  body: string;
  /** Left out: the text is shown as it is (note templates are inserted without filling). */
  values?: PlaceholderValues;
  title?: string;
};

/** How a template reads once its placeholders are filled in: subject in bold, then the text. */
export function TemplatePreview({ subject, body, values, title }: Props) {
  const { t } = useTranslation();
  const fill = (text: string) => (values ? fillTemplate(text, values) : text);
  const unknown = values ? unknownPlaceholders(subject ?? '', body) : [];
  const heading = title ?? t('templatePreview.title');
  return (
    <Paper bg="var(--mantine-color-gray-0)" withBorder radius="sm" p="sm" role="group" aria-label={heading}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {heading}
        </Text>
        {subject !== undefined && (
          <Text size="sm" fw={600} c={subject.trim() ? undefined : 'dimmed'}>
            {subject.trim() ? fill(subject) : t('templatePreview.noSubject')}
          </Text>
        )}
        <Text
          size="sm"
          c={body.trim() ? undefined : 'dimmed'}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {body.trim() ? fill(body) : t('templatePreview.noBody')}
        </Text>
        {unknown.length > 0 && (
          <Text size="xs" c="orange.9">
            {t('templatePreview.unknown', { placeholders: unknown.join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
