import type { SVGProps } from 'react';

export type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/**
 * An icon drawn as line paths on a 24×24 grid in currentColor; decorative, hidden from screen
 * readers. The Service app and the field app each give their own size and stroke.
 */
export function lineIcon(paths: string[], look: { size: number; strokeWidth: number }) {
  return function Icon({ size = look.size, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={look.strokeWidth}
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
