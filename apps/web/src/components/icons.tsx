import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** Line icons drawn for Climalog (24×24 grid, currentColor); decorative, hidden from screen readers. */
function icon(paths: string[]) {
  return function Icon({ size = 18, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  };
}

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
