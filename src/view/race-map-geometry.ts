/**
 * The race map's geometry, without React: scales from values to the plot's
 * pixels, the cells as an image, the lost/kept boundary as a contour, and
 * the cell under a point. The plot's y grows upwards, the grid's rows too
 * (row 0 is the lowest value); images and d3-contour count rows downwards,
 * so they are flipped here, once.
 */
import { contours } from 'd3-contour';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { CELL } from '../sweep/cells';
import type { MapSpec } from '../sweep/map-spec';

export interface MapScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
}

/** Value -> pixel inside a plot of `width` × `height`: x to the right, y upwards. */
export function mapScales(spec: MapSpec, width: number, height: number): MapScales {
  return {
    x: scaleLinear().domain([spec.xMin, spec.xMax]).range([0, width]),
    y: scaleLinear().domain([spec.yMin, spec.yMax]).range([height, 0]),
  };
}

/** RGBA per cell code; pending cells stay transparent. */
export type CellPalette = Readonly<Record<'kept' | 'lost' | 'incomplete', readonly [number, number, number, number]>>;

/** The cells as a `res × res` RGBA image, top row first (the highest y values). */
export function cellImage(cells: Uint8Array, res: number, palette: CellPalette): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(res * res * 4);
  const colours: (readonly number[] | undefined)[] = [];
  colours[CELL.kept] = palette.kept;
  colours[CELL.lost] = palette.lost;
  colours[CELL.incomplete] = palette.incomplete;
  for (let j = 0; j < res; j++) {
    const imageRow = res - 1 - j;
    for (let i = 0; i < res; i++) {
      const colour = colours[cells[j * res + i]!];
      if (!colour) continue;
      const o = (imageRow * res + i) * 4;
      rgba[o] = colour[0]!;
      rgba[o + 1] = colour[1]!;
      rgba[o + 2] = colour[2]!;
      rgba[o + 3] = colour[3]!;
    }
  }
  return rgba;
}

/**
 * The boundary between lost and the rest as an SVG path in plot pixels: the
 * 0.5 contour of "lost = 1, anything else = 0", linearly smoothed by
 * d3-contour, so a diagonal edge is drawn as a line, not a staircase. The
 * grid is padded by one cell that repeats its edge, so the contour runs
 * past the plot's border instead of along it: the path is meant to be
 * clipped to the plot, where only the edges between cells remain. Empty
 * when nothing (or everything) is lost.
 */
export function lostBoundaryPath(cells: Uint8Array, res: number, width: number, height: number): string {
  const n = res + 2;
  const values = new Array<number>(n * n);
  for (let gy = 0; gy < n; gy++) {
    const j = res - 1 - Math.min(res - 1, Math.max(0, gy - 1)); // d3-contour's row 0 is at the top
    for (let gx = 0; gx < n; gx++) {
      const i = Math.min(res - 1, Math.max(0, gx - 1));
      values[gy * n + gx] = cells[j * res + i] === CELL.lost ? 1 : 0;
    }
  }
  const [shape] = contours().size([n, n]).thresholds([0.5])(values);
  if (!shape) return '';
  const sx = width / res;
  const sy = height / res;
  const parts: string[] = [];
  for (const polygon of shape.coordinates) {
    for (const ring of polygon) {
      const points = ring.map(([gx, gy]) => `${round((gx! - 1) * sx)},${round((gy! - 1) * sy)}`);
      if (points.length > 1) parts.push(`M${points.join('L')}Z`);
    }
  }
  return parts.join('');
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The cell (column i from the left, row j from the bottom) at a fraction of the plot's box (fy from the top, as pointers measure). */
export function cellAtFraction(res: number, fx: number, fyFromTop: number): { i: number; j: number } {
  const clamp = (n: number): number => Math.min(res - 1, Math.max(0, Math.floor(n * res)));
  return { i: clamp(fx), j: clamp(1 - fyFromTop) };
}
