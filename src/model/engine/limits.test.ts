import { describe, expect, it } from 'vitest';
import { MAX_PERIODIC_RUNS, periodicRunLimitStop, stepLimitStop, timeLimitStop } from './limits';

describe('model limits', () => {
  const limits = { maxTime: 100, maxSteps: 3 };

  it('stops once the step count reaches the limit', () => {
    expect(stepLimitStop(2, limits)).toBeNull();
    expect(stepLimitStop(3, limits)).toEqual({ limit: 'steps', message: expect.stringMatching(/after 3 steps/) });
  });

  it('lets events at the time limit happen and stops those after it', () => {
    expect(timeLimitStop(100, limits)).toBeNull();
    expect(timeLimitStop(101, limits)).toEqual({ limit: 'time', message: expect.stringMatching(/100 ms/) });
  });

  it('allows the last periodic run and stops the next', () => {
    expect(periodicRunLimitStop(MAX_PERIODIC_RUNS)).toBeNull();
    expect(periodicRunLimitStop(MAX_PERIODIC_RUNS + 1)?.limit).toBe('periodic-runs');
  });
});
