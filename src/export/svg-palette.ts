/**
 * The pictures' colours and words for threads, statuses and the verdict: the
 * same choices as the app's theme (Tableau10 from d3-scale-chromatic, every
 * colour paired with words), kept here because src/export may not import
 * src/ui.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import type { Lane } from '../model/types';

const [blue, orange, red, teal, green, yellow, purple, pink, brown] = schemeTableau10 as readonly string[];

export const LANE_COLOR: Readonly<Record<Lane, string>> = {
  api: brown!,
  evacuation: blue!,
  'periodic-host1': teal!,
  'periodic-host2': orange!,
  boot: purple!,
  'host1-restart': pink!,
  'confirm-resize': blue!,
  'revert-resize': blue!,
  'finish-revert-resize': purple!,
  unshelve: blue!,
  'periodic-compute1': orange!,
};

export const LANE_LABEL: Readonly<Record<Lane, string>> = {
  api: 'API / conductor',
  evacuation: 'evacuation (host2)',
  'periodic-host1': 'host1 periodic',
  'periodic-host2': 'host2 periodic',
  boot: 'new boot (host2)',
  'host1-restart': 'host1 restart',
  'confirm-resize': 'confirm_resize (host1)',
  'revert-resize': 'revert_resize (host2)',
  'finish-revert-resize': 'finish_revert_resize (host1)',
  unshelve: 'unshelve (compute1)',
  'periodic-compute1': 'compute1 periodic',
};

export const INSTANCE_COLOR: Readonly<Record<string, string>> = { 'inst-A': blue!, 'inst-B': purple! };

export const INK = '#1f2933';
export const INK_SOFT = '#52606d';
export const LINE = '#d9dee4';
export const ROW_ODD = '#f6f7f9';
export const LOST = red!;
export const KEPT = green!;
export const CLAIMED = yellow!;
export const UNAVAILABLE = '#9aa0a6';
export const HARMLESS = '#7b8794';

export const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";
export const MONO = "'Liberation Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace";
