/**
 * Shared by the `bench` project's files: percentiles, and one JSON summary
 * (`bench/ui-results.json`, not committed) that each benchmark merges its
 * numbers into, so one `npm run bench:ui` leaves every number in one file.
 * Benchmarks print and record; they assert nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('../bench/ui-results.json', import.meta.url));

/** The value at fraction `q` (0..1) of the sorted samples (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (x: number): number => Math.round(x * 10) / 10;

/** Merge `value` under `key` into bench/ui-results.json (run with one worker: `npm run bench:ui` does). */
export function recordResult(key: string, value: Record<string, unknown>): void {
  let all: Record<string, unknown> = {};
  if (existsSync(RESULTS)) {
    try {
      all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
    } catch {
      all = {};
    }
  }
  const rounded = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
  all[key] = { ...rounded, measuredAt: new Date().toISOString() };
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}
