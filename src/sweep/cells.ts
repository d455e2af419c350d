/**
 * A map's cells as bytes: one verdict code per cell, row-major from the
 * bottom row up (row j is the j-th lowest y value). Bytes travel between the
 * workers and the page without copying, and a 400 × 400 map is 160 kB.
 */
import type { VerdictValue } from '../model';

export const CELL = { kept: 0, lost: 1, incomplete: 2, pending: 255 } as const;
export type CellCode = (typeof CELL)[keyof typeof CELL];

export function cellCode(verdict: VerdictValue): CellCode {
  return CELL[verdict];
}

export function cellVerdict(code: number): VerdictValue | null {
  switch (code) {
    case CELL.kept:
      return 'kept';
    case CELL.lost:
      return 'lost';
    case CELL.incomplete:
      return 'incomplete';
    default:
      return null;
  }
}

/** A map not computed yet: every cell pending. */
export function pendingCells(res: number): Uint8Array {
  return new Uint8Array(res * res).fill(CELL.pending);
}

export interface CellCounts {
  readonly computed: number;
  readonly lost: number;
  readonly incomplete: number;
}

export function countCells(cells: Uint8Array): CellCounts {
  let computed = 0;
  let lost = 0;
  let incomplete = 0;
  for (const code of cells) {
    if (code === CELL.pending) continue;
    computed++;
    if (code === CELL.lost) lost++;
    else if (code === CELL.incomplete) incomplete++;
  }
  return { computed, lost, incomplete };
}

/** The map as rows of booleans (true = lost), lowest y first, as `explore map` prints it. */
export function lostRows(cells: Uint8Array, res: number): boolean[][] {
  return Array.from({ length: res }, (_, j) => Array.from(cells.subarray(j * res, (j + 1) * res), (c) => c === CELL.lost));
}
