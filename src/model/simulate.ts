/**
 * The model's entry points: `(scenario) -> trace` for the debugger, and
 * `(scenario) -> outcome` for sweeps. Both run the same threads on the same
 * engine; they differ only in what the recorder keeps. Pure and
 * deterministic: the same scenario gives the same trace, byte for byte.
 */
import { bootNewServer } from './actors/boot';
import { evacuation } from './actors/evacuation';
import { restartHost1 } from './actors/host-restart';
import { type Env, idleUntil } from './actors/ops';
import { periodicTimer, runPeriodicsLikeTheTest } from './actors/periodic';
import { runEngine, type EngineResult } from './engine/engine';
import { type EngineLimits, MODEL_LIMITS } from './engine/limits';
import { FullRecorder, OutcomeRecorder, type TraceRecorder } from './engine/recorder';
import { type Scheduler, timedScheduler, untimedScheduler } from './engine/scheduler';
import type { ActorContext, ActorSpec, Program } from './engine/types';
import { checkInvariants } from './invariants';
import { computeOutcome } from './outcome';
import { raceView } from './race';
import type { Scenario } from './scenario';
import { traceHash } from './trace-hash';
import type { HostName, Outcome, Trace, Violation } from './types';
import { HOSTS } from './types';
import { withReason } from './verdict';
import { DEST_HOST, initialWorld } from './world';

export { MODEL_LIMITS };

/** The lock name a tracker on `host` takes: one per process. */
export function lockName(scenario: Scenario, host: HostName): string {
  return scenario.preset === 'nova-test' ? 'compute_resources' : `compute_resources@${host}`;
}

/**
 * nova-test: the test method is one thread. It calls `_run_periodics()` at
 * `periodicAt` and, when asked, restarts host1's service at `host1UpAt`, one
 * after the other (a restart cannot interrupt a periodic run it started).
 */
function* testThread(env: Env, ctx: ActorContext): Program {
  const { periodicAt, host1UpAt } = env.scenario;
  const actions: { at: number; run: () => Program }[] = [{ at: periodicAt, run: () => runPeriodicsLikeTheTest(env, ctx) }];
  if (host1UpAt !== null) actions.push({ at: host1UpAt, run: () => restartHost1(env, ctx) });
  actions.sort((a, b) => a.at - b.at);
  for (const action of actions) {
    yield idleUntil(action.at);
    yield* action.run();
  }
}

/** The threads of a scenario, in tie-break order. */
export function actorsFor(scenario: Scenario): ActorSpec[] {
  const env: Env = { scenario, lockFor: (host) => lockName(scenario, host) };
  const s = scenario;
  const actors: ActorSpec[] = [{ id: 'evacuation', startAt: 0, run: (ctx) => evacuation(env, ctx) }];
  if (s.preset === 'nova-test') {
    actors.push({ id: 'test-thread', startAt: 0, run: (ctx) => testThread(env, ctx) });
  } else {
    actors.push({ id: 'periodic-host2', startAt: 0, run: (ctx) => periodicTimer(env, ctx, DEST_HOST, s.periodicAt) });
  }
  if (s.bootAt !== null) actors.push({ id: 'boot', startAt: s.bootAt, run: (ctx) => bootNewServer(env, ctx) });
  if (s.preset === 'production' && s.host1UpAt !== null) {
    actors.push({ id: 'host1-restart', startAt: s.host1UpAt, run: (ctx) => restartHost1(env, ctx) });
  }
  return actors;
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

/** Timed (virtual time and the tie rule), or the scenario's schedule replayed. */
function run(scenario: Scenario, recorder: TraceRecorder, limits: EngineLimits): { result: EngineResult; scheduler: Scheduler } {
  const replayed = scenario.schedule ? replay(scenario.schedule) : null;
  const scheduler = replayed?.scheduler ?? timedScheduler;
  const result = runEngine({
    world: initialWorld(),
    actors: actorsFor(scenario),
    jitter: scenario.jitter,
    seed: scenario.seed,
    limits,
    scheduler,
    recorder,
  });
  replayed?.finish();
  return { result, scheduler };
}

function outcomeOf(result: EngineResult, steps: number, scheduler: Scheduler): Outcome {
  return computeOutcome({
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
export function simulateOutcome(scenario: Scenario, limits: EngineLimits = MODEL_LIMITS): Outcome {
  const recorder = new OutcomeRecorder();
  const { result, scheduler } = run(scenario, recorder, limits);
  return outcomeOf(result, recorder.size, scheduler);
}

/** Records an invariant break once, at the step where it starts. */
function invariantWatcher(violations: Violation[]) {
  let active = new Set<string>();
  return (step: { index: number; end: number }, before: Trace['states'][number], after: Trace['states'][number]): void => {
    if (before === after) return;
    const saved = HOSTS.filter((h) => before.db.pciDevices[h] !== after.db.pciDevices[h]);
    const now = new Set<string>();
    for (const p of checkInvariants(after, saved)) {
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
export function simulate(scenario: Scenario, limits: EngineLimits = MODEL_LIMITS): Trace {
  const violations: Violation[] = [];
  const recorder = new FullRecorder(initialWorld(), invariantWatcher(violations));
  const { result, scheduler } = run(scenario, recorder, limits);
  const { steps, states } = recorder;
  return {
    steps,
    states,
    lockSpans: result.lockSpans,
    violations,
    facts: result.facts,
    race: raceView(result.facts, steps, states, result.endTime),
    verdict: withReason(outcomeOf(result, steps.length, scheduler)),
    stopped: result.stopped,
    endTime: result.endTime,
    traceHash: traceHash(steps),
  };
}
