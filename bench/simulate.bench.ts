/**
 * How fast is one simulation? `npm run bench` (Vitest's tinybench) prints
 * operations per second, the mean time and how the scenarios compare. It
 * asserts nothing: shared CI machines are noisy, so speed is watched here and
 * not in timed unit tests.
 */
import { bench, describe } from 'vitest';
import { defaultScenario } from '../src/model/scenario';
import { simulate, simulateOutcome } from '../src/model/simulate';

const options = { time: 1000, warmupTime: 300 };

describe('one simulation', () => {
  bench('nova-test, buggy (default, 26 steps)', () => void simulate(defaultScenario()), options);
  bench('nova-test, buggy, outcome only (the fast path for sweeps)', () => void simulateOutcome(defaultScenario()), options);
  bench('nova-test, fixed (26 steps)', () => void simulate({ ...defaultScenario(), fix: true }), options);
  bench('nova-test, boot + host1 restart (41 steps)', () => void simulate({ ...defaultScenario(), bootAt: 6000, host1UpAt: 8000 }), options);
});

describe('large production traces', () => {
  bench('production, 100 periodic runs (709 steps)', () => void simulate({ ...defaultScenario('production'), periodicRuns: 100 }), options);
  bench('production, 1000 periodic runs (7009 steps, the limit)', () => void simulate({ ...defaultScenario('production'), periodicRuns: 1000, period: 1000 }), options);
});
