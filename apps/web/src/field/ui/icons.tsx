import { lineIcon } from '../../components/line-icon';

/** Line icons on a 24×24 grid in currentColor; decorative (hidden from screen readers). */
const icon = (paths: string[]) => lineIcon(paths, { size: 22, strokeWidth: 1.9 });

export const IconWork = icon(['M9 4h6v3H9z', 'M7 5H5v16h14V5h-2', 'M9 12l2 2 4-4']);
export const IconSearch = icon(['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-5-5']);
export const IconQueue = icon(['M4 6h16', 'M4 12h16', 'M4 18h10', 'M18 16v4', 'M16 18h4']);
export const IconMore = icon(['M5 12h.01', 'M12 12h.01', 'M19 12h.01']);
export const IconPhone = icon([
  'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
]);
export const IconMail = icon(['M3 6h18v12H3z', 'M3 7l9 6 9-6']);
export const IconMap = icon([
  'M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z',
  'M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
]);
export const IconCamera = icon(['M4 8h3l2-3h6l2 3h3v11H4z', 'M12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z']);
export const IconQr = icon([
  'M4 4h6v6H4z',
  'M14 4h6v6h-6z',
  'M4 14h6v6H4z',
  'M14 14h2v2h-2z',
  'M18 18h2v2h-2z',
  'M18 14h2',
  'M14 18h2v2',
]);
export const IconSync = icon([
  'M20 11a8 8 0 0 0-14.5-4.5L4 8',
  'M4 4v4h4',
  'M4 13a8 8 0 0 0 14.5 4.5L20 16',
  'M20 20v-4h-4',
]);
export const IconCloudOff = icon([
  'M3 3l18 18',
  'M8 8a5 5 0 0 0-3.8 8.2A4 4 0 0 0 7 18h10',
  'M10.5 5.2A6 6 0 0 1 18 10a4 4 0 0 1 2.6 6.5',
]);
export const IconCheck = icon(['M5 12l5 5L20 7']);
export const IconAlert = icon(['M12 3l10 18H2z', 'M12 10v5', 'M12 18h.01']);
export const IconChevron = icon(['M9 6l6 6-6 6']);
export const IconBack = icon(['M15 6l-6 6 6 6']);
export const IconPlus = icon(['M12 5v14', 'M5 12h14']);
export const IconTrash = icon(['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3']);
export const IconEdit = icon(['M4 20h4L19 9l-4-4L4 16z', 'M14 6l4 4']);
export const IconPen = icon(['M3 17c3-4 5 2 8-2s3-8 6-6-1 8 4 7', 'M3 21h18']);
export const IconInstallation = icon(['M4 5h16v10H4z', 'M8 19h8', 'M12 15v4', 'M8 9h.01', 'M12 9h4']);
