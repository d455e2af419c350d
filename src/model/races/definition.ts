/**
 * What makes a race of the library: its hosts and initial world, the threads
 * a scenario runs, how its outcome and its one-line reason are read from the
 * facts, its view for the screen, and where it lives in Nova. Every race
 * runs on the same engine, scheduler, recorder and facts; `simulate`,
 * `simulateOutcome` and the explorer look a race up here and nothing else
 * differs.
 */
import type { ActorSpec } from '../engine/types';
import type { Fact } from '../facts';
import type { RaceView } from '../race';
import type { Scenario } from '../scenario';
import type { LockSpan, Outcome, SimulationStop, TraceStep, Verdict, World } from '../types';
import type { RaceInfo } from './catalog';

export type { RaceInfo, RaceRefs } from './catalog';

/** What an outcome is read from: the same for the fast path and the full simulation. */
export interface OutcomeInput {
  readonly facts: readonly Fact[];
  readonly lockSpans: readonly LockSpan[];
  /** The world when the run ended. */
  readonly world: World;
  readonly stopped: SimulationStop | null;
  readonly steps: number;
  readonly endTime: number;
  /** `ms` for timed runs, `step` when time was replaced by step order. */
  readonly clock: 'ms' | 'step';
}

/** A race: what the catalog says of it, and how it runs. */
export interface RaceDefinition extends RaceInfo {
  /** The world at time 0 (the POST of the racing operation), shared by every run of the scenario's shape (#1896463: its `evacuees`). */
  initialWorld(scenario?: Scenario): World;
  /** The threads of a scenario, in tie-break order. */
  actors(scenario: Scenario): ActorSpec[];
  outcome(input: OutcomeInput): Outcome;
  /** The outcome with its one-line reason. */
  withReason(outcome: Outcome): Verdict;
  /** The race as the screen draws it, told from the facts (and the run's outcome). */
  raceView(facts: readonly Fact[], steps: readonly TraceStep[], states: readonly World[], endTime: number, outcome: Outcome): RaceView;
}
