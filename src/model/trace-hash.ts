/**
 * A short, stable fingerprint of a trace's steps (cyrb53, fed field by field
 * so no big string is built), so two people can see at a glance that they
 * look at the same run.
 */
import type { TraceStep } from './types';

class Cyrb53 {
  private h1: number;
  private h2: number;

  constructor(seed = 0) {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }

  update(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): number {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
  }
}

/** 14 hex digits over every step's thread, name, times, lock, kind and changes. */
export function traceHash(steps: readonly TraceStep[]): string {
  const hash = new Cyrb53();
  for (const s of steps) {
    hash.update(s.thread);
    hash.update(s.name);
    hash.update(String(s.start));
    hash.update(String(s.end));
    hash.update(s.lock);
    hash.update(s.kind ?? '');
    hash.update(s.address ?? '');
    for (const c of s.changes) {
      hash.update(c.path);
      hash.update(c.after);
    }
  }
  return hash.digest().toString(16).padStart(14, '0');
}
