// SVG icons (no emoji: lecture-hall PCs often lack an emoji font). Decorative by default:
// the control that contains an icon carries the accessible name.
import type { ReactElement } from 'react';

/** The page chrome's icons; the graph's set (GraphIcon) extends this one. */
export const ICON_PATHS = {
  play: <path d="M7 4.5v15l13-7.5z" fill="currentColor" stroke="none" />,
  pause: (
    <g fill="currentColor" stroke="none">
      <rect x="6" y="4.5" width="4" height="15" rx="1" />
      <rect x="14" y="4.5" width="4" height="15" rx="1" />
    </g>
  ),
  step: (
    <g>
      <path d="M5 5v14l10-7z" fill="currentColor" stroke="none" />
      <rect x="16.5" y="5" width="3" height="14" rx="1" fill="currentColor" stroke="none" />
    </g>
  ),
  wheel: (
    <g>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="2.5" />
      <path d="M12 3.5v6M12 14.5v6M3.5 12h6M14.5 12h6M6 6l4.2 4.2M13.8 13.8L18 18M18 6l-4.2 4.2M10.2 13.8L6 18" />
    </g>
  ),
  server: (
    <g>
      <rect x="3.5" y="4" width="17" height="7" rx="1.5" />
      <rect x="3.5" y="13" width="17" height="7" rx="1.5" />
      <path d="M7 7.5h.01M7 16.5h.01" strokeWidth="2.5" />
    </g>
  ),
  layers: (
    <g>
      <path d="M12 3.5l8.5 4.5-8.5 4.5-8.5-4.5z" />
      <path d="M3.5 12l8.5 4.5 8.5-4.5M3.5 16l8.5 4.5 8.5-4.5" />
    </g>
  ),
  terminal: (
    <g>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M7 9l3 3-3 3M12.5 15.5h4.5" />
    </g>
  ),
  list: <path d="M8 6.5h12M8 12h12M8 17.5h12M4 6.5h.01M4 12h.01M4 17.5h.01" strokeWidth="2.2" />,
  restart: (
    <g>
      <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
      <path d="M19.5 4.5v4h-4" />
    </g>
  ),
  clock: (
    <g>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </g>
  ),
  enter: <path d="M19 5v7a3 3 0 0 1-3 3H6M9.5 11.5L6 15l3.5 3.5" />,
  hourglass: <path d="M7 3.5h10M7 20.5h10M8 3.5c0 5 8 5 8 8.5s-8 3.5-8 8.5M16 3.5c0 5-8 5-8 8.5s8 3.5 8 8.5" />,
  alert: (
    <g>
      <path d="M12 3.5l9.5 16.5h-19z" />
      <path d="M12 10v4.5M12 17.2h.01" strokeWidth="2.2" />
    </g>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof ICON_PATHS;

export function Icon({ name, size = 20, className, title }: { name: IconName; size?: number; className?: string; title?: string }) {
  return (
    <SvgIcon size={size} className={className} title={title} strokeWidth="1.8">
      {ICON_PATHS[name]}
    </SvgIcon>
  );
}

/** The 24×24 stroked frame every icon shares; decorative unless it has a title. */
export function SvgIcon({ children, size, className, title, strokeWidth }: { children: ReactElement; size: number; className?: string; title?: string; strokeWidth: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      aria-label={title}
      focusable="false"
    >
      {children}
    </svg>
  );
}
