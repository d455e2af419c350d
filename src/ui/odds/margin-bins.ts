/**
 * The margin histogram's bins: nice bin edges that include 0, so that the
 * bars on either side of "the snapshot came exactly at done" never mix a
 * lost run with a kept one.
 */
import { bin, extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';

export interface MarginBin {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

export interface MarginBins {
  readonly bins: readonly MarginBin[];
  readonly domain: readonly [number, number];
  /** Runs with no margin: no host2 run read the instance list before the host save. */
  readonly without: number;
}

export function marginBins(margins: readonly (number | null)[], target = 24): MarginBins {
  const values = margins.filter((m): m is number => m !== null);
  const without = margins.length - values.length;
  const [lo, hi] = extent(values);
  if (lo === undefined || hi === undefined) return { bins: [], domain: [-1, 1], without };
  // A single value still gets a bar of visible width around it, and 0 stays inside the domain.
  const span = Math.max(hi - lo, 10);
  const scale = scaleLinear()
    .domain([Math.min(lo, 0, hi - span), Math.max(hi, 0, lo + span)])
    .nice(target);
  const [d0, d1] = scale.domain() as [number, number];
  const histogram = bin().domain([d0, d1]).thresholds(scale.ticks(target));
  const bins = histogram(values)
    .filter((b) => b.x0 !== undefined && b.x1 !== undefined)
    .map((b) => ({ x0: b.x0!, x1: b.x1!, count: b.length }));
  return { bins, domain: [d0, d1], without };
}
