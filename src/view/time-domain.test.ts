import { describe, expect, it } from 'vitest';
import {
  clampDomain,
  groupZoomDomain,
  domainToTransform,
  MIN_SPAN_MS,
  panDomain,
  reconcileDomain,
  sameDomain,
  traceExtent,
  transformToDomain,
  zoomDomain,
} from './time-domain';

describe('traceExtent', () => {
  it('runs from 0 to the end, never empty', () => {
    expect(traceExtent(4376)).toEqual([0, 4376]);
    expect(traceExtent(0)[1]).toBeGreaterThan(0);
  });
});

describe('clampDomain', () => {
  const extent = [0, 1000] as const;
  it('shifts a domain back inside the extent, keeping its span', () => {
    expect(clampDomain([-100, 100], extent)).toEqual([0, 200]);
    expect(clampDomain([900, 1100], extent)).toEqual([800, 1000]);
  });
  it('never goes wider than the extent or narrower than the minimum span', () => {
    expect(clampDomain([-500, 2000], extent)).toEqual([0, 1000]);
    const narrow = clampDomain([500, 500.1], extent);
    expect(narrow[1] - narrow[0]).toBeCloseTo(MIN_SPAN_MS);
    expect((narrow[0] + narrow[1]) / 2).toBeCloseTo(500.05);
  });
});

describe('zoomDomain', () => {
  const extent = [0, 1000] as const;
  it('keeps the anchor where it was on screen', () => {
    const next = zoomDomain([0, 1000], 2, 250, extent);
    expect(next).toEqual([125, 625]);
    expect((250 - next[0]) / (next[1] - next[0])).toBeCloseTo(0.25);
  });
  it('zooms out no further than the whole extent', () => {
    expect(zoomDomain([400, 600], 0.01, 500, extent)).toEqual([0, 1000]);
  });
  it('stops at the minimum span', () => {
    const next = zoomDomain([400, 410], 100, 405, extent);
    expect(next[1] - next[0]).toBeCloseTo(MIN_SPAN_MS);
    expect(next[0]).toBeLessThan(405);
    expect(next[1]).toBeGreaterThan(405);
  });
});

describe('panDomain', () => {
  it('shifts and stops at the edges', () => {
    expect(panDomain([100, 200], 50, [0, 1000])).toEqual([150, 250]);
    expect(panDomain([100, 200], -500, [0, 1000])).toEqual([0, 100]);
  });
});

describe('domain <-> transform', () => {
  const extent = [0, 4000] as const;
  const range = [150, 950] as const;
  it('identity for the whole extent', () => {
    const t = domainToTransform(extent, extent, range);
    expect(t.k).toBeCloseTo(1);
    expect(t.x).toBeCloseTo(0);
  });
  it('round-trips', () => {
    const domain = [1234, 2345] as const;
    const t = domainToTransform(domain, extent, range);
    const back = transformToDomain(t, extent, range);
    expect(back[0]).toBeCloseTo(domain[0]);
    expect(back[1]).toBeCloseTo(domain[1]);
  });
  it('means what d3-zoom means: screen x = k * base x + x', () => {
    const domain = [1000, 2000] as const;
    const t = domainToTransform(domain, extent, range);
    const base = (time: number): number => range[0] + (time / 4000) * 800;
    expect(t.k * base(1000) + t.x).toBeCloseTo(150);
    expect(t.k * base(2000) + t.x).toBeCloseTo(950);
  });
});

describe('sameDomain', () => {
  it('ignores float drift but not real moves', () => {
    expect(sameDomain([0, 1000], [1e-9, 1000])).toBe(true);
    expect(sameDomain([0, 1000], [1, 1000])).toBe(false);
  });
});

describe('reconcileDomain', () => {
  it('keeps the zoom when a slider nudged the trace', () => {
    expect(reconcileDomain([100, 200], [0, 4376], [0, 4400])).toEqual([100, 200]);
  });
  it('clamps a kept domain into the new extent', () => {
    expect(reconcileDomain([4200, 4376], [0, 4376], [0, 4300])).toEqual([4124, 4300]);
  });
  it('resets for a different scenario, or when nothing was zoomed', () => {
    expect(reconcileDomain([100, 200], [0, 4376], [0, 62_453])).toBeNull();
    expect(reconcileDomain(null, [0, 4376], [0, 4400])).toBeNull();
    expect(reconcileDomain([100, 200], null, [0, 4400])).toBeNull();
  });
  it('returns null when the kept domain covers the whole new trace', () => {
    expect(reconcileDomain([0, 4376], [0, 4376], [0, 4300])).toBeNull();
  });
});

describe('groupZoomDomain', () => {
  const extent = [0, 30_000_000] as const;
  it('zooms to a small group with some room around it', () => {
    expect(groupZoomDomain([1000, 2000], extent, extent, 1500)).toEqual([850, 2150]);
  });
  it('a group that fills the view still zooms in, around the click', () => {
    const next = groupZoomDomain([0, 29_000_000], extent, extent, 10_000_000);
    expect(next[1] - next[0]).toBeCloseTo(7_500_000);
    expect(next[0]).toBeLessThan(10_000_000);
    expect(next[1]).toBeGreaterThan(10_000_000);
  });
});
