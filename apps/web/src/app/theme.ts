import { createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm teal-cyan. Shade 6 (buttons, links) keeps white text and light backgrounds above the
 * WCAG AA contrast of 4.5:1, which Mantine's stock teal and cyan do not.
 */
const climalog: MantineColorsTuple = [
  '#e6f7f6',
  '#c6ecea',
  '#9adcd9',
  '#66c9c5',
  '#3bb5b1',
  '#1a9e9b',
  '#0b7777',
  '#0a6a6a',
  '#085a5b',
  '#064a4b',
];

export const theme = createTheme({
  primaryColor: 'climalog',
  colors: { climalog },
  primaryShade: 6,
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { radius: 'md', padding: 'lg' } },
  },
});
