/**
 * The app-only keys beside the scenario: what the screen shows of a trace.
 * `t0`/`t1` is the timeline's visible time range in virtual ms (both or
 * neither; absent = the default view); `compare=1` shows the buggy and the
 * fixed code side by side. `npm run simulate` accepts and ignores these
 * keys, so a link pasted into the CLI still works.
 */
import * as v from 'valibot';
import type { Notice } from './scenario-query';

export const RANGE_START_KEY = 't0';
export const RANGE_END_KEY = 't1';
export const COMPARE_KEY = 'compare';
/** Keys the app reads and the simulation does not. */
export const VIEW_KEYS: readonly string[] = ['step', RANGE_START_KEY, RANGE_END_KEY, COMPARE_KEY];

/** The model stops at 24 h of virtual time; no trace has anything later to show. */
export const MAX_RANGE_MS = 24 * 3_600_000;

export type TimeRange = readonly [number, number];

const msSchema = v.pipe(
  v.string(),
  v.maxLength(16, 'is too long'),
  v.regex(/^\d{1,12}(\.\d{1,3})?$/, 'is not a time in ms'),
  v.transform(Number),
  v.maxValue(MAX_RANGE_MS, `is past ${MAX_RANGE_MS} (24 h)`),
);

const compareSchema = v.picklist(['0', '1'], 'must be 0 or 1');

/**
 * `compare=1`: buggy and fixed side by side; anything but 0 or 1 is off, with a notice.
 *
 * @example parseCompare('1', []) // true
 */
export function parseCompare(raw: string | null, notices: Notice[]): boolean {
  if (raw === null) return false;
  const result = v.safeParse(compareSchema, raw);
  if (result.success) return result.output === '1';
  notices.push({ key: COMPARE_KEY, problem: `compare=${quote(raw)} must be 0 or 1`, action: 'showing one variant' });
  return false;
}

const quote = (raw: string): string => JSON.stringify(raw.length > 20 ? `${raw.slice(0, 20)}…` : raw);

/**
 * The visible range from `t0`/`t1`, or `null` (the default view) with a
 * notice when they are not a valid pair.
 *
 * @example parseTimeRange('2300', '4400', []) // [2300, 4400]
 */
export function parseTimeRange(rawStart: string | null, rawEnd: string | null, notices: Notice[]): TimeRange | null {
  if (rawStart === null && rawEnd === null) return null;
  const fail = (problem: string): null => {
    notices.push({ key: RANGE_START_KEY, problem, action: 'showing the default view' });
    return null;
  };
  if (rawStart === null || rawEnd === null) return fail(`${rawStart === null ? 't1' : 't0'} needs ${rawStart === null ? 't0' : 't1'} beside it`);
  const start = v.safeParse(msSchema, rawStart);
  if (!start.success) return fail(`t0=${quote(rawStart)} ${start.issues[0]?.message ?? 'is not valid'}`);
  const end = v.safeParse(msSchema, rawEnd);
  if (!end.success) return fail(`t1=${quote(rawEnd)} ${end.issues[0]?.message ?? 'is not valid'}`);
  if (end.output <= start.output) return fail(`t1=${quote(rawEnd)} is not after t0=${quote(rawStart)}`);
  return [start.output, end.output];
}

/**
 * `t0=…&t1=…` for a range, in whole ms that still contain it (so the link
 * never shows less than the screen did); empty for the default view.
 *
 * @example timeRangeParts([2300.4, 4399.6]) // ['t0=2300', 't1=4400']
 */
export function timeRangeParts(range: TimeRange | null): string[] {
  if (range === null) return [];
  const start = Math.max(0, Math.floor(range[0]));
  const end = Math.max(start + 1, Math.ceil(range[1]));
  return [`${RANGE_START_KEY}=${start}`, `${RANGE_END_KEY}=${end}`];
}
