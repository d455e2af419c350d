/**
 * Small SVG icons for the playback buttons: fonts on many machines lack the
 * media-control glyphs, and an icon must never render as a box.
 */
const PATHS = {
  first: 'M3 2h2v12H3zM13 2v12L6 8z',
  prev: 'M10 2L4 8l6 6 1.5-1.5L7 8l4.5-4.5z',
  play: 'M4 2l10 6-10 6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  next: 'M6 2l6 6-6 6-1.5-1.5L9 8 4.5 3.5z',
  last: 'M3 2v12l7-6zM11 2h2v12h-2z',
} as const;

export type PlaybackIconName = keyof typeof PATHS;

export function PlaybackIcon({ name }: { name: PlaybackIconName }) {
  return (
    <svg className="playback-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
