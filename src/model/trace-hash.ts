/**
 * A short, stable fingerprint of a trace's steps (cyrb53), so two people can
 * see at a glance that they look at the same run.
 */
import type { TraceStep } from './types';

function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
}

/** 14 hex digits over every step's thread, name, times, kind and changes. */
export function traceHash(steps: readonly TraceStep[]): string {
  const text = steps
    .map((s) => [s.thread, s.name, s.start, s.end, s.lock, s.kind ?? '', s.address ?? '', s.changes.map((c) => `${c.path}=${c.after}`).join(';')].join('|'))
    .join('\n');
  return cyrb53(text).toString(16).padStart(14, '0');
}
