import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { compareDiff } from './compare-diff';
import { compareText } from './compare-text';

describe('compareText', () => {
  const diff = compareDiff(simulate(defaultScenario()), simulate({ ...defaultScenario(), fix: true }));
  it('says where finish_evacuation runs and what the changed reads see, on each side', () => {
    expect(compareText(diff, 'buggy')).toBe(
      'finish_evacuation runs without the lock (2393–3423 ms) · snapshot 2 at 4364 ms misses the migration ✗',
    );
    expect(compareText(diff, 'fixed')).toBe(
      'finish_evacuation waits for the lock from 2393 ms, then holds it (4376–5406 ms) · snapshot 2 at 4364 ms sees the migration in progress ✓',
    );
  });
  it('says so when there is nothing to compare', () => {
    expect(compareText({ buggy: null, fixed: null, changedReads: [] }, 'fixed')).toBe('the evacuation never finished: nothing to compare');
  });
});
