/**
 * The model's entry points: `(scenario) -> trace` for the debugger, and
 * `(scenario) -> outcome` for sweeps. Both run the same threads on the same
 * engine; they differ only in what the recorder keeps. Pure and
 * deterministic: the same scenario gives the same trace, byte for byte.
 */
import { runEngine, type EngineResult } from './engine/engine';
import { type EngineLimits, MODEL_LIMITS } from './engine/limits';
import { FullRecorder, OutcomeRecorder, type TraceRecorder } from './engine/recorder';
import { type Scheduler, timedScheduler, untimedScheduler } from './engine/scheduler';
import type { ActorSpec } from './engine/types';
import { createInvariantChecker } from './invariants';
import { raceOf } from './races';
import { type Scenario, shapedScenario } from './scenario';
import { traceHash } from './trace-hash';
import type { Outcome, Trace, Verdict, Violation } from './types';
import { hostsOf } from './world';

export { MODEL_LIMITS };
export { lockName } from './races/evacuation';

/** The threads of a scenario, in tie-break order (its race's). */
export function actorsFor(scenario: Scenario): ActorSpec[] {
  return raceOf(scenario).actors(shapedScenario(scenario));
}

/** Why a scenario's schedule cannot be replayed on it. */
export class ScheduleMismatch extends Error {}

/** Replays `choices` strictly: each must name a thread that can run, and they must end with the run. */
function replay(choices: readonly number[]): { scheduler: Scheduler; finish(): void } {
  let k = 0;
  return {
    scheduler: untimedScheduler((threads) => {
      const chosen = choices[k];
      if (chosen === undefined) throw new ScheduleMismatch(`the schedule ends after ${k} transitions, before the run does`);
      if (!threads.includes(chosen)) {
        throw new ScheduleMismatch(`transition ${k + 1} names thread ${String.fromCharCode(97 + chosen)}, which cannot run there`);
      }
      k++;
      return chosen;
    }),
    finish() {
      if (k < choices.length) throw new ScheduleMismatch(`the run ends after ${k} transitions; the schedule names ${choices.length}`);
    },
  };
}

/** Timed (virtual time and the tie rule), or the scenario's schedule replayed; `scenario` is shaped (`shapedScenario`). */
function run(scenario: Scenario, recorder: TraceRecorder, limits: EngineLimits): { result: EngineResult; scheduler: Scheduler } {
  const replayed = scenario.schedule ? replay(scenario.schedule) : null;
  const scheduler = replayed?.scheduler ?? timedScheduler;
  const result = runEngine({
    world: raceOf(scenario).initialWorld(scenario),
    actors: raceOf(scenario).actors(scenario),
    jitter: scenario.jitter,
    seed: scenario.seed,
    limits,
    scheduler,
    recorder,
  });
  replayed?.finish();
  return { result, scheduler };
}

function outcomeOf(scenario: Scenario, result: EngineResult, steps: number, scheduler: Scheduler): Outcome {
  return raceOf(scenario).outcome({
    facts: result.facts,
    lockSpans: result.lockSpans,
    world: result.world,
    stopped: result.stopped,
    steps,
    endTime: result.endTime,
    clock: scheduler.timed ? 'ms' : 'step',
  });
}

/**
 * The fast path for sweeps (the race map, odds under jitter, the schedule
 * explorer): the outcome only, with no words, diffs, invariant checks or
 * world history kept. Agrees with `simulate(...).verdict` on every scenario.
 *
 * @example simulateOutcome(defaultScenario()).verdict // 'lost'
 */
export function simulateOutcome(given: Scenario, limits: EngineLimits = MODEL_LIMITS): Outcome {
  // Shaped once, here: the race is then looked up by the model's own string (see `interned`).
  const scenario = shapedScenario(given);
  const recorder = new OutcomeRecorder();
  const { result, scheduler } = run(scenario, recorder, limits);
  return outcomeOf(scenario, result, recorder.size, scheduler);
}

/**
 * The verdict on the fast path: the outcome with its race's one-line reason.
 *
 * @example simulateVerdict(defaultScenario()).reason
 */
export function simulateVerdict(scenario: Scenario, limits: EngineLimits = MODEL_LIMITS): Verdict {
  return raceOf(scenario).withReason(simulateOutcome(scenario, limits));
}

const NO_PROBLEMS: ReadonlySet<string> = new Set();

/** Records an invariant break once, at the step where it starts. */
function invariantWatcher(violations: Violation[]) {
  const check = createInvariantChecker();
  let active: ReadonlySet<string> = NO_PROBLEMS;
  return (step: { index: number; end: number }, before: Trace['states'][number], after: Trace['states'][number]): void => {
    if (before === after) return;
    const saved = hostsOf(after).filter((h) => before.db.pciDevices[h] !== after.db.pciDevices[h]);
    const problems = check(after, saved);
    // Most steps of most runs have none: then no set is built.
    if (problems.length === 0) {
      active = NO_PROBLEMS;
      return;
    }
    const now = new Set<string>();
    for (const p of problems) {
      now.add(p.key);
      if (active.has(p.key)) continue;
      violations.push({
        invariant: p.invariant, step: step.index, time: step.end, host: p.host,
        address: p.address, instance: p.instance, message: p.message,
      });
    }
    active = now;
  };
}

/**
 * Simulate one scenario, keeping everything the debugger shows. With a
 * `schedule`, time is replaced by step order and the schedule decides which
 * thread goes next; one that does not fit throws `ScheduleMismatch`.
 *
 * @example simulate(defaultScenario()).verdict.bugReproduced // true
 */
export function simulate(given: Scenario, limits: EngineLimits = MODEL_LIMITS): Trace {
  const scenario = shapedScenario(given);
  const violations: Violation[] = [];
  const race = raceOf(scenario);
  const recorder = new FullRecorder(race.initialWorld(scenario), invariantWatcher(violations));
  const { result, scheduler } = run(scenario, recorder, limits);
  const { steps, states } = recorder;
  const outcome = outcomeOf(scenario, result, steps.length, scheduler);
  return {
    steps,
    states,
    lockSpans: result.lockSpans,
    violations,
    facts: result.facts,
    race: race.raceView(result.facts, steps, states, result.endTime, outcome),
    verdict: race.withReason(outcome),
    stopped: result.stopped,
    endTime: result.endTime,
    traceHash: traceHash(steps),
  };
}
