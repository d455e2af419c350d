import { describe, expect, it } from 'vitest';
import { flipDetails, flipSentence } from './flip-text';

describe('nearest flip in words', () => {
  it("reads like the issue's example", () => {
    expect(flipSentence({ key: 'migDelay', value: 1058, delta: -942, to: 'kept' })).toBe('kept if migDelay ≤ 1058 ms (−942 ms)');
    expect(flipSentence({ key: 'dbLatency', value: 952, delta: 942, to: 'lost' })).toBe('lost if dbLatency ≥ 952 ms (+942 ms)');
    expect(flipSentence({ key: 'claimAt', value: 9000, delta: 100, to: 'incomplete' })).toBe('not reached if claimAt ≥ 9000 ms (+100 ms)');
  });

  it('lists every key, and those nothing flips', () => {
    expect(flipDetails({ verdict: 'lost', flips: [{ key: 'spawn', value: 0, delta: -50, to: 'kept' }], unflippable: ['claimAt'] })).toBe(
      'kept if spawn ≤ 0 ms (−50 ms)\nno value in range flips it: claimAt',
    );
  });
});
