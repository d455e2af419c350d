/**
 * The race map's colours: the app's verdict colours for lost and kept (from
 * the colour-blind-safe Tableau10 scheme), the "unavailable" grey for runs
 * that never reached a verdict. The legend and the hover readout name each
 * colour, so colour is never the only cue.
 */
import type { CellPalette } from '../../view/race-map-geometry';
import { STATUS_COLOR } from '../theme';

export const MAP_COLOR = {
  lost: STATUS_COLOR.lost,
  kept: STATUS_COLOR.kept,
  incomplete: STATUS_COLOR.unavailable,
} as const;

function rgba(hex: string): readonly [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

export const CELL_PALETTE: CellPalette = {
  lost: rgba(MAP_COLOR.lost),
  kept: rgba(MAP_COLOR.kept),
  incomplete: rgba(MAP_COLOR.incomplete),
};
