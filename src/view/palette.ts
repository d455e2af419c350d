/**
 * The visual language shared by the app and its exported pictures: one
 * stable colour and name per thread, a colour per instance, the verdict's
 * and the device statuses' colours. Colours come from d3's Tableau10 scheme
 * (designed to stay distinguishable for colour-blind readers), and every
 * colour is paired with a label or an icon where it is used.
 */
import type { Lane } from '../model';

/**
 * d3-scale-chromatic's `schemeTableau10`, written out: importing the package
 * for ten strings put all of its colour ramps in the start-up bundle
 * (palette.test.ts checks that they stay the same).
 */
export const TABLEAU10 = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'] as const;

const [blue, orange, red, teal, green, yellow, purple, pink, brown] = TABLEAU10;
/** The second evacuee's: Tableau 20's olive, since every Tableau10 colour already means something here. */
const olive = '#b6992d';

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
  'evacuation-2': olive,
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
  // Short enough for the timeline's label gutter; the lane is on host2 like the first.
  'evacuation-2': 'evacuation of inst-C',
};

/** Owners of devices: each evacuee in its evacuation's colour, the new server in the boot's. */
export const INSTANCE_COLOR: Readonly<Record<string, string>> = {
  'inst-A': blue!,
  'inst-B': purple!,
  'inst-C': olive,
};

export const STATUS_COLOR = {
  claimed: yellow!,
  unavailable: '#9aa0a6',
  lost: red!,
  kept: green!,
} as const;

/** Grey of what is harmless (a snapshot gap that decides nothing). */
export const HARMLESS = '#7b8794';

export const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";
export const MONO = "'Liberation Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace";
