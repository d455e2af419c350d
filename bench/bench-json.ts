/**
 * `npm run -s bench:json`: the core's speed as one JSON object, each key a
 * `{ median, min, max }` over repeated rounds (every round averages many
 * runs). Asserts nothing: shared machines are noisy, so numbers are
 * reported, never checked in tests. `--smoke` runs a few rounds only, so CI
 * keeps the benchmark working without paying for it.
 *
 * - simulateMicros: the full default simulation (the Nova test), µs
 * - outcomeMicros: the fast path (verdict, counts and moments only), µs
 * - largeTraceMillis: the full 7,009-step production trace, ms
 * - traceBytes: that trace as posted to the main thread (structured clone), bytes
 * - further keys as their features exist (the race map, the explorer)
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { defaultScenario } from '../src/model/scenario';
import { simulate, simulateOutcome } from '../src/model/simulate';
import { encodeTrace } from '../src/worker/trace-codec';
import { extraBenchmarks } from './extra-benchmarks';

export interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface BenchOptions {
  /** Rounds per measurement. */
  readonly rounds: number;
  /** Scale of the runs per round (1 = full). */
  readonly scale: number;
}

export function stat(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { median: round(sorted[Math.floor(sorted.length / 2)]!), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) };
}

/** Average time of `f` in `unit`s (1 = ms, 1000 = µs) over `runs` runs, for each of `rounds` rounds, after a warm-up. */
export function measure(f: () => void, runs: number, options: BenchOptions, unit: number): Stat {
  const n = Math.max(1, Math.round(runs * options.scale));
  for (let i = 0; i < n; i++) f();
  const samples: number[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < n; i++) f();
    samples.push(((performance.now() - started) * unit) / n);
  }
  return stat(samples);
}

export const LARGE_TRACE = { ...defaultScenario('production'), periodicRuns: 1000, period: 1000 };

function traceBytes(): Stat {
  const { message } = encodeTrace(simulate(LARGE_TRACE));
  const bytes = serialize({ type: 'result', id: 1, trace: message, elapsedMs: 0 }).byteLength;
  return { median: bytes, min: bytes, max: bytes };
}

export function runBenchmarks(options: BenchOptions): Record<string, Stat> {
  const test = defaultScenario();
  return {
    simulateMicros: measure(() => void simulate(test), 2000, options, 1000),
    outcomeMicros: measure(() => void simulateOutcome(test), 5000, options, 1000),
    largeTraceMillis: measure(() => void simulate(LARGE_TRACE), 5, options, 1),
    traceBytes: traceBytes(),
    ...extraBenchmarks(options),
  };
}

const smoke = process.argv.includes('--smoke');
// Run as the main module (bench/run-bundled.mjs runs the bundle); real paths, so a symlinked node_modules still matches.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const options: BenchOptions = smoke ? { rounds: 2, scale: 0.01 } : { rounds: 9, scale: 1 };
  process.stdout.write(`${JSON.stringify(runBenchmarks(options), null, 2)}\n`);
}
