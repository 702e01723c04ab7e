import { Badge, Group } from '@mantine/core';
import type { LabelRef } from '../api/types';

/** A text colour that stays readable on the label's own colour. */
export function readableOn(colour: string): string {
  const hex = colour.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lum = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lum(r ?? 0) + 0.7152 * lum(g ?? 0) + 0.0722 * lum(b ?? 0);
  return luminance > 0.4 ? '#1a1b1e' : '#ffffff';
}

/** Labels as chips in their own colour. */
export function LabelChips({ labels, size = 'sm' }: { labels: LabelRef[]; size?: 'xs' | 'sm' | 'md' }) {
  if (labels.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {labels.map((label) => (
        <Badge
          key={label.id}
          size={size}
          radius="sm"
          styles={{
            root: { background: label.colour, color: readableOn(label.colour), textTransform: 'none' },
          }}
        >
          {label.name}
        </Badge>
      ))}
    </Group>
  );
}
