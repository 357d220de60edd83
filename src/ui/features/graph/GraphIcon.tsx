// SVG icons for the cluster view, the inspector and the action bar (no emoji: lecture-hall PCs
// often lack an emoji font). Decorative unless given a title: the control carries the name.
import type { ReactElement } from 'react';
import { ICON_PATHS, SvgIcon } from '../../components/Icon';

// The chrome's icons (server, play, restart, …) are drawn the same on the graph: one table.
const P = {
  ...ICON_PATHS,
  spinner: <path d="M12 3.5a8.5 8.5 0 1 0 8.5 8.5" />,
  half: (
    <g>
      <circle cx="12" cy="12" r="8" />
      <path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor" />
    </g>
  ),
  check: <path d="M4.5 12.5l5 5 10-11" strokeWidth="2.6" />,
  down: <path d="M12 4v14M6 12l6 6 6-6" strokeWidth="2.2" />,
  loop: (
    <g>
      <path d="M4 12a8 8 0 0 1 14-5.3M20 12a8 8 0 0 1-14 5.3" />
      <path d="M18 3v4h-4M6 21v-4h4" />
    </g>
  ),
  image: (
    <g>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      <path d="M7 15l3.5-4 3 3 2-2 2.5 3" />
      <path d="M4 4l16 16" strokeWidth="2.2" />
    </g>
  ),
  flag: <path d="M6 21V4M6 4h11l-2.5 4 2.5 4H6" />,
  cross: <path d="M6 6l12 12M18 6L6 18" strokeWidth="2.6" />,
  trash: <path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5.5M14 11v5.5" />,
  doc: (
    <g>
      <path d="M6 3.5h8l4 4v13H6z" />
      <path d="M9 11h6M9 14.5h6M9 18h4" />
    </g>
  ),
  logs: <path d="M4 6h16M4 10h16M4 14h10M4 18h7" />,
  bolt: <path d="M13 3L5 13.5h6L10 21l8-10.5h-6z" />,
  lock: (
    <g>
      <rect x="5" y="10.5" width="14" height="10" rx="1.5" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </g>
  ),
  unlock: (
    <g>
      <rect x="5" y="10.5" width="14" height="10" rx="1.5" />
      <path d="M8 10.5V7.5a4 4 0 0 1 7.5-2" />
    </g>
  ),
  drain: <path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5M4 19.5h16" />,
  power: <path d="M12 3.5v8M7 6.5a7.5 7.5 0 1 0 10 0" />,
  plus: <path d="M12 5v14M5 12h14" strokeWidth="2.4" />,
  minus: <path d="M5 12h14" strokeWidth="2.4" />,
  undo: <path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  stop: <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" stroke="none" />,
  gauge: (
    <g>
      <path d="M4 17a8 8 0 1 1 16 0" />
      <path d="M12 17l4-5" strokeWidth="2.2" />
    </g>
  ),
  eye: (
    <g>
      <path d="M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12z" />
      <circle cx="12" cy="12" r="2.8" />
    </g>
  ),
  sun: (
    <g>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M18.7 5.3l-1.8 1.8M7.1 16.9l-1.8 1.8" />
    </g>
  ),
  moon: <path d="M19.5 14.5A8 8 0 0 1 9.5 4.5a8 8 0 1 0 10 10z" />,
  screen: (
    <g>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M12 16v4M8 20.5h8" />
    </g>
  ),
  database: (
    <g>
      <ellipse cx="12" cy="6" rx="7" ry="2.5" />
      <path d="M5 6v12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </g>
  ),
  api: (
    <g>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3.5v5.5M12 15v5.5M3.5 12H9M15 12h5.5" />
    </g>
  ),
  scheduler: (
    <g>
      <rect x="3.5" y="5" width="17" height="15" rx="1.5" />
      <path d="M3.5 10h17M8 3v4M16 3v4M8 14h3" />
    </g>
  ),
  gears: (
    <g>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M18.4 5.6l-2.1 2.1M7.7 16.3l-2.1 2.1" />
    </g>
  ),
  cloud: <path d="M7 18.5h10.5a4 4 0 0 0 .5-8 6 6 0 0 0-11.5 1.5A3.3 3.3 0 0 0 7 18.5z" />,
  network: (
    <g>
      <circle cx="12" cy="5" r="2" />
      <circle cx="5" cy="19" r="2" />
      <circle cx="19" cy="19" r="2" />
      <path d="M12 7v5M12 12l-6 5M12 12l6 5" />
    </g>
  ),
  globe: (
    <g>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c3 3.2 3 13.8 0 17M12 3.5c-3 3.2-3 13.8 0 17" />
    </g>
  ),
  laptop: (
    <g>
      <rect x="5" y="5" width="14" height="10" rx="1" />
      <path d="M2.5 18.5h19" />
    </g>
  ),
  service: (
    <g>
      <circle cx="5" cy="12" r="2.2" />
      <circle cx="19" cy="5.5" r="2.2" />
      <circle cx="19" cy="12" r="2.2" />
      <circle cx="19" cy="18.5" r="2.2" />
      <path d="M7.2 12H17M7 11l10-5M7 13l10 5" />
    </g>
  ),
  tree: (
    <g>
      <rect x="9" y="3" width="6" height="4.5" rx="1" />
      <rect x="3" y="16.5" width="6" height="4.5" rx="1" />
      <rect x="15" y="16.5" width="6" height="4.5" rx="1" />
      <path d="M12 7.5V12M6 16.5V12h12v4.5" />
    </g>
  ),
  traffic: <path d="M3 8h13M13 4.5L16.5 8 13 11.5M21 16H8M11 12.5L7.5 16l3.5 3.5" />,
  grid: (
    <g>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1" />
      <rect x="13.5" y="13.5" width="7" height="7" rx="1" />
    </g>
  ),
  close: <path d="M6 6l12 12M18 6L6 18" strokeWidth="2.2" />,
  chevronLeft: <path d="M15 5l-7 7 7 7" strokeWidth="2.2" />,
  chevronRight: <path d="M9 5l7 7-7 7" strokeWidth="2.2" />,
  book: <path d="M4 5.5C6.5 4 9.5 4 12 6c2.5-2 5.5-2 8-.5v13c-2.5-1.5-5.5-1.5-8 .5-2.5-2-5.5-2-8-.5zM12 6v13" />,
  pointer: (
    <g>
      <circle cx="12" cy="12" r="4" fill="currentColor" />
      <circle cx="12" cy="12" r="8" />
    </g>
  ),
  taint: <path d="M12 3.5c3 4 6 7.5 6 10.5a6 6 0 0 1-12 0c0-3 3-6.5 6-10.5z" />,
  info: (
    <g>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 11v5.5M12 7.8h.01" strokeWidth="2.2" />
    </g>
  ),
  fit: <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" strokeWidth="2.2" />,
  box: (
    <g>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </g>
  ),
} satisfies Record<string, ReactElement>;

export type GraphIconName = keyof typeof P;

export function GraphIcon({ name, size = 18, className, title }: { name: GraphIconName; size?: number; className?: string; title?: string }) {
  return (
    <SvgIcon size={size} className={className} title={title} strokeWidth="1.9">
      {P[name]}
    </SvgIcon>
  );
}
