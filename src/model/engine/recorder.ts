/**
 * The trace recorder: what the engine keeps of each step. The full recorder
 * keeps everything the debugger shows (words, what changed, the world after
 * every step); the outcome recorder keeps only a count, so a sweep that
 * needs the verdict pays for no words, diffs or world history.
 */
import { diffWorld } from '../diff';
import type { TraceStep, World } from '../types';
import type { Words } from './types';

/**
 * A step as the engine hands it over, before it has an index and its changes:
 * its words are still unevaluated (`Words`), so that a recorder that keeps
 * nothing never builds them.
 */
export type StepDraft = Omit<TraceStep, 'index' | 'label' | 'read' | 'changes'> & {
  readonly label: Words;
  readonly read: Words | null;
};

export interface TraceRecorder {
  /**
   * Whether `record` looks at the draft at all; when it does not, the engine
   * only calls `count` and never builds one (the hot path of a sweep).
   */
  readonly keepsSteps: boolean;
  /** Count a step without keeping it; returns its index. */
  count(): number;
  /** Keep the step that turned `before` into `after`; returns its index. */
  record(draft: StepDraft, before: World, after: World): number;
  /** Steps recorded so far. */
  readonly size: number;
}

/** Only counts: for sweeps, the map and the explorer. */
export class OutcomeRecorder implements TraceRecorder {
  readonly keepsSteps = false;
  size = 0;

  count(): number {
    return this.size++;
  }

  record(_draft: StepDraft, _before: World, _after: World): number {
    return this.count();
  }
}

export type StepObserver = (step: TraceStep, before: World, after: World) => void;

/**
 * Every step with its words and changes, and `states[i + 1]`, the world
 * after step `i` (worlds share their untouched parts, so this is cheap).
 */
export class FullRecorder implements TraceRecorder {
  readonly keepsSteps = true;
  readonly steps: TraceStep[] = [];
  readonly states: World[];

  constructor(initial: World, private readonly observe?: StepObserver) {
    this.states = [initial];
  }

  get size(): number {
    return this.steps.length;
  }

  count(): number {
    throw new Error('the full recorder keeps every step: call record()');
  }

  record(d: StepDraft, before: World, after: World): number {
    const index = this.steps.length;
    // Built field by field rather than spread: this runs for every step.
    const step: TraceStep = {
      index,
      thread: d.thread,
      host: d.host,
      name: d.name,
      label: d.label(),
      start: d.start,
      end: d.end,
      lock: d.lock,
      lockName: d.lockName,
      kind: d.kind,
      address: d.address,
      sleep: d.sleep,
      nova: d.nova,
      read: d.read ? d.read() : null,
      changes: diffWorld(before, after),
    };
    this.steps.push(step);
    this.states.push(after);
    this.observe?.(step, before, after);
    return index;
  }
}
