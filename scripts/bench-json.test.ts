/** `npm run -s bench:json` keeps working (smoke mode): one JSON object, each key { median, min, max }. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('bench:json', () => {
  it('prints the core benchmarks as { median, min, max } in smoke mode', () => {
    // What `npm run -s bench:json -- --smoke` runs: the benchmarks bundled as the app ships the model.
    const out = execFileSync(process.execPath, ['bench/run-bundled.mjs', '--smoke'], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(out) as Record<string, { median: number; min: number; max: number }>;
    for (const key of ['simulateMicros', 'outcomeMicros', 'largeTraceMillis', 'traceBytes', 'raceMapMillis', 'schedulesPerSecond']) {
      expect(result[key], key).toEqual({ median: expect.any(Number), min: expect.any(Number), max: expect.any(Number) });
      expect(result[key]!.min).toBeLessThanOrEqual(result[key]!.median);
      expect(result[key]!.median).toBeLessThanOrEqual(result[key]!.max);
    }
    // The 7,009-step trace crosses compact: well under the 3.6 MB a structured clone of the full trace took.
    expect(result.traceBytes!.median).toBeLessThan(360_000);
  }, 120_000);
});
