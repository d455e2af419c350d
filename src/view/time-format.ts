/**
 * Virtual time for people: tick values in a unit that suits the visible
 * span (ms for the regression test's 4 s, hours for a day of periodics), and
 * exact times for tooltips.
 */
import { scaleLinear } from 'd3-scale';
import type { Domain } from './time-domain';

interface TimeUnit {
  readonly ms: number;
  readonly label: string;
}

const MS: TimeUnit = { ms: 1, label: 'ms' };
const SECOND: TimeUnit = { ms: 1_000, label: 's' };
const MINUTE: TimeUnit = { ms: 60_000, label: 'min' };
const HOUR: TimeUnit = { ms: 3_600_000, label: 'h' };

/** The largest unit in which the span still reads as a few units or more. */
function unitFor(span: number): TimeUnit {
  if (span >= 3 * HOUR.ms) return HOUR;
  if (span >= 3 * MINUTE.ms) return MINUTE;
  if (span >= 10 * SECOND.ms) return SECOND;
  return MS;
}

export interface TimeTicks {
  /** Tick positions in ms. */
  readonly values: readonly number[];
  /** Labels, one per value. */
  readonly labels: readonly string[];
}

/**
 * About `count` round tick values across the domain, labelled in one unit.
 *
 * @example timeTicks([0, 4376], 5).labels // ['0 ms', '1,000 ms', ...]
 */
export function timeTicks(domain: Domain, count: number): TimeTicks {
  const unit = unitFor(domain[1] - domain[0]);
  const scaled = scaleLinear().domain([domain[0] / unit.ms, domain[1] / unit.ms]);
  // ',f' groups thousands and picks the decimals the tick step needs.
  const format = scaled.tickFormat(count, ',f');
  const ticks = scaled.ticks(count);
  return {
    values: ticks.map((t) => t * unit.ms),
    labels: ticks.map((t) => `${format(t)} ${unit.label}`),
  };
}

const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * An exact time: whole ms below a minute (the scenarios' delays are ms),
 * then h/min/s.
 *
 * @example formatTime(2353) // '2,353 ms'
 * @example formatTime(62_441) // '1 min 2.441 s'
 */
export function formatTime(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < MINUTE.ms) return `${sign}${grouped(abs)} ms`;
  const hours = Math.floor(abs / HOUR.ms);
  const minutes = Math.floor((abs % HOUR.ms) / MINUTE.ms);
  const seconds = (abs % MINUTE.ms) / SECOND.ms;
  const parts = [hours > 0 ? `${hours} h` : '', `${minutes} min`, `${Number(seconds.toFixed(3))} s`];
  return sign + parts.filter((p) => p !== '').join(' ');
}

/** A duration, same rules as `formatTime`. */
export const formatDuration = formatTime;

/** "2,343–2,353 ms" for a step, or one time for an instant. */
export function formatInterval(start: number, end: number): string {
  if (start === end) return `at ${formatTime(start)}`;
  if (end < MINUTE.ms) return `${grouped(start)}–${formatTime(end)}`;
  return `${formatTime(start)} – ${formatTime(end)}`;
}
