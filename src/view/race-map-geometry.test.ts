import { describe, expect, it } from 'vitest';
import { CELL } from '../sweep/cells';
import { defaultMapSpec } from '../sweep/map-spec';
import { cellAtFraction, cellImage, lostBoundaryPath, mapScales } from './race-map-geometry';

const palette = { kept: [0, 255, 0, 255], lost: [255, 0, 0, 255], incomplete: [9, 9, 9, 255] } as const;

describe('race map geometry', () => {
  it('maps values to pixels with y growing upwards', () => {
    const { x, y } = mapScales(defaultMapSpec(), 300, 300);
    expect(x(1500)).toBe(150);
    expect(y(0)).toBe(300);
    expect(y(3000)).toBe(0);
  });

  it('draws row 0 (the lowest values) at the bottom of the image, pending cells transparent', () => {
    // 2 × 2: bottom row lost, kept; top row pending, incomplete.
    const cells = Uint8Array.from([CELL.lost, CELL.kept, CELL.pending, CELL.incomplete]);
    const rgba = [...cellImage(cells, 2, palette)];
    expect(rgba.slice(0, 8)).toEqual([0, 0, 0, 0, 9, 9, 9, 255]);
    expect(rgba.slice(8, 16)).toEqual([255, 0, 0, 255, 0, 255, 0, 255]);
  });

  it('outlines the lost region, and nothing when nothing is lost', () => {
    const res = 10;
    const upperLeft = new Uint8Array(res * res).map((_, k) => (Math.floor(k / res) > k % res ? CELL.lost : CELL.kept));
    const path = lostBoundaryPath(upperLeft, res, 100, 100);
    expect(path).toMatch(/^M[-\d.,L]+Z$/);
    // Inside the plot the path runs between lost and kept cells only: near the diagonal, never along the plot's border.
    for (const [, px, py] of path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
      const [x, y] = [Number(px), Number(py)];
      const inside = x > 0 && x < 100 && y > 0 && y < 100;
      if (inside) expect(Math.abs(x - (100 - y))).toBeLessThanOrEqual(10);
    }
    expect(lostBoundaryPath(new Uint8Array(res * res).fill(CELL.kept), res, 100, 100)).toBe('');
  });

  it('finds the cell under a point of the box, rows counted from the bottom', () => {
    expect(cellAtFraction(100, 0.005, 0.995)).toEqual({ i: 0, j: 0 });
    expect(cellAtFraction(100, 0.999, 0.001)).toEqual({ i: 99, j: 99 });
    expect(cellAtFraction(100, 1, 0)).toEqual({ i: 99, j: 99 });
  });
});
