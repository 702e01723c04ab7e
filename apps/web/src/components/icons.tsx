import { lineIcon } from './line-icon';

/** Line icons drawn for Climalog (24×24 grid, currentColor); decorative, hidden from screen readers. */
const icon = (paths: string[]) => lineIcon(paths, { size: 18, strokeWidth: 1.8 });

export const IconCustomers = icon(['M3 21V8l9-5 9 5v13', 'M9 21v-6h6v6', 'M3 21h18']);
export const IconUsers = icon([
  'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  'M2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1',
  'M16 3.5a4 4 0 0 1 0 7.5',
  'M22 21v-1a6 6 0 0 0-4-5.6',
]);
export const IconAudit = icon(['M9 4h10v16H5V8z', 'M9 4v4H5', 'M9 12h6', 'M9 16h6']);
export const IconSettings = icon([
  'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  'M19 12a7 7 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2-1.2L14 3h-4l-.5 2.6a7 7 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7 7 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2 1.2L10 21h4l.5-2.6a7 7 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z',
]);
export const IconUser = icon([
  'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  'M4 21v-1a7 7 0 0 1 7-7h2a7 7 0 0 1 7 7v1',
]);
export const IconLogout = icon([
  'M14 8V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-3',
  'M9 12h12',
  'M18 9l3 3-3 3',
]);
export const IconLanguage = icon([
  'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  'M3.6 9h16.8',
  'M3.6 15h16.8',
  'M12 3a15 15 0 0 1 0 18',
  'M12 3a15 15 0 0 0 0 18',
]);
export const IconDots = icon(['M5 12h.01', 'M12 12h.01', 'M19 12h.01']);
export const IconSearch = icon(['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M21 21l-5-5']);
export const IconDownload = icon(['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14']);
export const IconPlus = icon(['M12 5v14', 'M5 12h14']);
export const IconShield = icon(['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M9 12l2 2 4-4']);
export const IconChevronDown = icon(['M6 9l6 6 6-6']);
export const IconKey = icon(['M8 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M11 11h10', 'M18 11v3', 'M15 11v2']);
export const IconTrash = icon(['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 13h10l1-13', 'M9 7V4h6v3']);
export const IconInstallation = icon(['M4 5h16v10H4z', 'M8 19h8', 'M12 15v4', 'M8 9h.01', 'M12 9h4']);
export const IconWorkOrder = icon(['M9 4h6v3H9z', 'M7 5H5v16h14V5h-2', 'M9 12l2 2 4-4']);
export const IconForecast = icon(['M4 5h16v16H4z', 'M4 10h16', 'M9 3v4', 'M15 3v4', 'M9 15l2 2 4-4']);
export const IconReport = icon(['M4 20V10', 'M10 20V4', 'M16 20v-7', 'M22 20H2']);
export const IconInventory = icon(['M3 7l9-4 9 4-9 4z', 'M3 7v10l9 4 9-4V7', 'M12 11v10']);
export const IconImport = icon(['M12 3v12', 'M7 10l5 5 5-5', 'M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4']);
export const IconLabel = icon(['M3 12V4h8l10 10-8 8z', 'M7.5 7.5h.01']);
export const IconArchive = icon(['M3 4h18v4H3z', 'M5 8v12h14V8', 'M10 12h4']);
export const IconAlert = icon(['M12 3l10 18H2z', 'M12 10v5', 'M12 18h.01']);
export const IconMail = icon(['M3 6h18v12H3z', 'M3 7l9 6 9-6']);
export const IconFile = icon(['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 13h6', 'M9 17h6']);
export const IconUpload = icon(['M12 16V4', 'M7 9l5-5 5 5', 'M5 20h14']);
export const IconDevice = icon(['M7 3h10v18H7z', 'M11 18h2']);
export const IconLink = icon([
  'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1',
  'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
]);
export const IconArrowUp = icon(['M12 19V5', 'M6 11l6-6 6 6']);
export const IconArrowDown = icon(['M12 5v14', 'M6 13l6 6 6-6']);
export const IconArrowsSort = icon(['M8 20V4', 'M4 8l4-4 4 4', 'M16 4v16', 'M12 16l4 4 4-4']);
export const IconLocation = icon([
  'M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z',
  'M12 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
]);
