import { describe, expect, it } from 'vitest';
import { initialWorld, updateInstance } from '../world';
import { FullRecorder, OutcomeRecorder, type StepDraft } from './recorder';

const draft = (label: () => string): StepDraft => ({
  thread: 'evacuation', host: 'host2', name: 'save', label, start: 1, end: 2, lock: 'none', lockName: null,
  kind: 'host-saved', address: null, sleep: false, nova: 'rebuild-finish-buggy', read: null,
});

describe('trace recorders', () => {
  it('the full recorder keeps words, what changed and the world after each step, and calls its observer', () => {
    const before = initialWorld();
    const after = updateInstance(before, 'inst-A', { host: 'host2' });
    const observed: number[] = [];
    const recorder = new FullRecorder(before, (step) => observed.push(step.index));
    expect(recorder.record(draft(() => 'saves host'), before, after)).toBe(0);
    expect(recorder.steps[0]).toMatchObject({ index: 0, label: 'saves host', changes: [{ path: 'instances[inst-A].host', before: 'host1', after: 'host2' }] });
    expect(recorder.states).toEqual([before, after]);
    expect(recorder.size).toBe(1);
    expect(observed).toEqual([0]);
  });

  it('the outcome recorder only counts, and never builds the words', () => {
    const recorder = new OutcomeRecorder();
    const w = initialWorld();
    const label = () => {
      throw new Error('words were built');
    };
    expect(recorder.record(draft(label), w, w)).toBe(0);
    expect(recorder.record(draft(label), w, w)).toBe(1);
    expect(recorder.size).toBe(2);
  });
});
