/**
 * Virtual time for people, in one format everywhere: whole milliseconds
 * below a minute ("2353 ms", "12,345 ms"; the race is about ms), then hours,
 * minutes and seconds ("1 min 2.453 s", "8 h 19 min"). A span that reaches
 * past a minute writes both ends that way ("0 s – 1 min 2.453 s"), and axis
 * ticks never show a fraction of a unit ("30 s", not "0.5 min").
 */
import { ticks as niceTicks } from 'd3-array';
import type { Domain } from './time-domain';

const SECOND = 1_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

interface TimeUnit {
  readonly ms: number;
}

/** The largest unit in which the span still reads as a few units or more. */
function unitFor(span: number): TimeUnit {
  if (span >= 3 * HOUR) return { ms: HOUR };
  if (span >= 3 * MINUTE) return { ms: MINUTE };
  if (span >= 10 * SECOND) return { ms: SECOND };
  return { ms: 1 };
}

/** Whole ms: no separator up to four digits (as the model's reasons write them), grouped from five. */
function msNumber(ms: number): string {
  const n = Math.round(ms);
  return Math.abs(n) < 10_000 ? String(n) : n.toLocaleString('en-US');
}

/**
 * Hours, minutes and seconds, leaving out zero parts at the end.
 *
 * @example formatLong(62_453) // '1 min 2.453 s'
 * @example formatLong(2_353) // '2.353 s'
 * @example formatLong(7_200_000) // '2 h'
 */
export function formatLong(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(Math.round(ms));
  const hours = Math.floor(abs / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const seconds = Number(((abs % MINUTE) / SECOND).toFixed(3));
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0 || (hours > 0 && seconds > 0)) parts.push(`${minutes} min`);
  if (seconds > 0 || parts.length === 0) parts.push(`${seconds} s`);
  return sign + parts.join(' ');
}

/**
 * What a trace's times count: virtual ms, or steps when a loaded schedule
 * replaced time by step order (step `i` spans `[i, i + 1]`, so a moment `t`
 * is "after step `t`", counted from 1 as on screen).
 */
export type Clock = 'ms' | 'step';

/**
 * An exact time or duration: whole ms below a minute, then h/min/s; or a step.
 *
 * @example formatTime(2353) // '2353 ms'
 * @example formatTime(62_441) // '1 min 2.441 s'
 * @example formatTime(12, 'step') // 'step 12'
 */
export function formatTime(ms: number, clock: Clock = 'ms'): string {
  if (clock === 'step') return `step ${ms}`;
  if (Math.abs(ms) < MINUTE) return `${ms < 0 ? '−' : ''}${msNumber(Math.abs(ms))} ms`;
  return formatLong(ms);
}

/** A duration, same rules as `formatTime` ("3 steps" on a schedule's clock). */
export function formatDuration(ms: number, clock: Clock = 'ms'): string {
  if (clock === 'step') return `${ms} step${ms === 1 ? '' : 's'}`;
  return formatTime(ms);
}

/**
 * A step's span ("2343–2353 ms"), an instant ("at 4366 ms"), or a span that
 * reaches past a minute with both ends in h/min/s; on a schedule's clock,
 * the steps it covers ("step 12", "steps 3–9").
 */
export function formatInterval(start: number, end: number, clock: Clock = 'ms'): string {
  if (clock === 'step') return end - start <= 1 ? `step ${Math.max(end, start + 1)}` : `steps ${start + 1}–${end}`;
  if (start === end) return `at ${formatTime(start)}`;
  if (Math.abs(end) < MINUTE) return `${msNumber(start)}–${formatTime(end)}`;
  return `${formatLong(start)} – ${formatLong(end)}`;
}

/**
 * Every "<n> ms" in a text from the model (a verdict's reason, a limit's
 * message) in the screen's format: "at 123231 ms" becomes "at 2 min 3.231 s".
 *
 * @example humanizeTimes('freed at 4366 ms') // 'freed at 4366 ms'
 */
export function humanizeTimes(text: string): string {
  return text.replace(/\b(\d+) ms\b/g, (_, digits: string) => formatTime(Number(digits)));
}

export interface TimeTicks {
  /** Tick positions in ms. */
  readonly values: readonly number[];
  /** Labels, one per value. */
  readonly labels: readonly string[];
}

/**
 * About `count` round tick values across the domain, in a unit that suits
 * its span, labelled in the screen's one format.
 *
 * @example timeTicks([0, 4376], 5).labels // ['0 ms', '1000 ms', ...]
 */
export function timeTicks(domain: Domain, count: number, clock: Clock = 'ms'): TimeTicks {
  if (clock === 'step') {
    const values = niceTicks(domain[0], domain[1], count).filter(Number.isInteger);
    return { values, labels: values.map(String) };
  }
  const unit = unitFor(domain[1] - domain[0]);
  const ticks = niceTicks(domain[0] / unit.ms, domain[1] / unit.ms, count);
  const values = ticks.map((t) => Math.round(t * unit.ms * 1000) / 1000);
  return { values, labels: values.map((v) => (unit.ms === 1 ? formatTime(v) : formatLong(v))) };
}
