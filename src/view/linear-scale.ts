/**
 * A linear map from the timeline's time domain to pixels: the part of
 * d3-scale's `scaleLinear` the timeline uses, and that d3-axis needs
 * (callable, `domain`, `range`, `copy`). d3-scale's linear scale brings
 * d3-interpolate, d3-color and d3-format with it (colour interpolation and
 * tick formats the timeline never uses): about 7 KB gzipped of the start-up
 * bundle. Same numbers as `scaleLinear().domain(domain).range(range)`
 * (linear-scale.test.ts).
 */
import type { Domain, PxRange } from './time-domain';

export interface LinearScale {
  (value: number): number;
  invert(px: number): number;
  domain(): [number, number];
  range(): [number, number];
  copy(): LinearScale;
}

/**
 * @example linearScale([0, 4376], [162, 978])(2188) // 570
 */
export function linearScale(domain: Domain, range: PxRange): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  // A domain of one point maps to the middle of the range, as d3 does.
  const scale = ((value: number): number => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0))) as LinearScale;
  scale.invert = (px: number): number => (r1 === r0 ? (d0 + d1) / 2 : d0 + ((px - r0) / (r1 - r0)) * span);
  scale.domain = () => [d0, d1];
  scale.range = () => [r0, r1];
  scale.copy = () => linearScale(domain, range);
  return scale;
}
