import { Anchor, Button, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLink } from './icons';

/** The public page that tells whether a logbook export is authentic (printed on every export too). */
export const verificationLink = (digest: string) => `${window.location.origin}/verify/${digest}`;

/** The panel's texts, from the app that shows it: the Service app and the portal translate apart. */
export type ExportDigestTexts = {
  title: string;
  text: string;
  digest: string;
  link: string;
  copyDigest: string;
  copyLink: string;
  copied: string;
};

type Props = {
  digest: string;
  texts: ExportDigestTexts;
  /** A button that closes the panel. */
  dismiss?: { label: string; onClick: () => void } | undefined;
};

/**
 * After a logbook export: its digest and the public page where anyone checks the exported
 * logbook, each with a copy button. Render it in a live region (role="status") that stays in the
 * page, so that the digest is announced when a download brings it.
 */
export function ExportDigest({ digest, texts, dismiss }: Props) {
  const link = verificationLink(digest);
  return (
    // A panel rather than an Alert: Mantine's Alert is role="alert", and this is news, not a problem.
    <Paper bg="climalog.0" radius="md" p="md">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {texts.title}
        </Text>
        <Text size="sm">{texts.text}</Text>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {texts.digest}
          </Text>
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {digest}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {texts.link}
          </Text>
          <Anchor href={link} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {link}
          </Anchor>
        </div>
        <Group gap="xs">
          <CopyButton value={digest}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? texts.copied : texts.copyDigest}
              </Button>
            )}
          </CopyButton>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" leftSection={<IconLink size={14} />} onClick={copy}>
                {copied ? texts.copied : texts.copyLink}
              </Button>
            )}
          </CopyButton>
          {dismiss && (
            <Button size="compact-sm" variant="subtle" onClick={dismiss.onClick} ml="auto">
              {dismiss.label}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
