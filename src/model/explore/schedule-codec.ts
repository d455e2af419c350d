/**
 * A schedule (the thread that takes each transition) as a short, versioned,
 * URL-safe string: `1.` then runs of a thread letter (`a` = the first thread)
 * with a repeat count when above 1. `1.a3b2a` is a a a b b a.
 */

import { MAX_SCHEDULE_CHOICES as MAX_CHOICES, MAX_SCHEDULE_THREADS as MAX_THREADS } from '../scenario';

export const SCHEDULE_VERSION = 1;
/** Longest encoded schedule looked at (a URL key, so anything longer is refused unread). */
export const MAX_SCHEDULE_LENGTH = 4000;

/**
 * @example encodeSchedule([0, 0, 0, 1, 1, 0]) // '1.a3b2a'
 */
export function encodeSchedule(choices: readonly number[]): string {
  let out = `${SCHEDULE_VERSION}.`;
  for (let i = 0; i < choices.length; ) {
    const thread = choices[i]!;
    if (!Number.isInteger(thread) || thread < 0 || thread >= MAX_THREADS) throw new Error(`thread ${thread} cannot be encoded`);
    let run = 1;
    while (choices[i + run] === thread) run++;
    out += String.fromCharCode(97 + thread) + (run > 1 ? String(run) : '');
    i += run;
  }
  return out;
}

export type DecodedSchedule = { readonly ok: true; readonly choices: number[] } | { readonly ok: false; readonly problem: string };

/**
 * @example decodeSchedule('1.a3b2a') // { ok: true, choices: [0, 0, 0, 1, 1, 0] }
 */
export function decodeSchedule(text: string): DecodedSchedule {
  if (text.length > MAX_SCHEDULE_LENGTH) return { ok: false, problem: `is longer than ${MAX_SCHEDULE_LENGTH} characters` };
  const match = /^(\d+)\.([a-z0-9]*)$/.exec(text);
  if (!match) return { ok: false, problem: 'is not a schedule (expected e.g. 1.a3b2a)' };
  if (Number(match[1]) !== SCHEDULE_VERSION) return { ok: false, problem: `has an unknown schedule format version ${match[1]}` };
  const choices: number[] = [];
  const body = match[2]!;
  const runs = /([a-z])(\d*)/gy;
  let consumed = 0;
  for (const run of body.matchAll(runs)) {
    const count = run[2] === '' ? 1 : Number(run[2]);
    if (!Number.isSafeInteger(count) || count < 1 || choices.length + count > MAX_CHOICES) {
      return { ok: false, problem: 'names too many transitions' };
    }
    const thread = run[1]!.charCodeAt(0) - 97;
    for (let i = 0; i < count; i++) choices.push(thread);
    consumed += run[0].length;
  }
  if (consumed !== body.length) return { ok: false, problem: 'is not a schedule (expected e.g. 1.a3b2a)' };
  return { ok: true, choices };
}
