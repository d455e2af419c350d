/**
 * Benchmarks of features built on the core (the race map, the schedule
 * explorer), added to `bench:json` as each feature exists.
 */
import type { BenchOptions, Stat } from './bench-json';

export function extraBenchmarks(_options: BenchOptions): Record<string, Stat> {
  return {};
}
