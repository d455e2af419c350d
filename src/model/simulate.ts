/**
 * The model's entry point: `(scenario) -> trace`. Pure and deterministic:
 * the same scenario gives the same trace, byte for byte.
 */
import { bootNewServer } from './actors/boot';
import { evacuation } from './actors/evacuation';
import { restartHost1 } from './actors/host-restart';
import { type Env, idleUntil } from './actors/ops';
import { periodicTimer, runPeriodicsLikeTheTest } from './actors/periodic';
import { type ActorContext, type ActorSpec, type EngineLimits, type Program, runEngine } from './engine';
import { checkInvariants } from './invariants';
import type { Scenario } from './scenario';
import { traceHash } from './trace-hash';
import type { HostName, Trace, Violation } from './types';
import { HOSTS } from './types';
import { computeVerdict } from './verdict';
import { initialWorld } from './world';

/** A scenario past these stops with a message instead of freezing the tab. */
export const MODEL_LIMITS: EngineLimits = { maxTime: 24 * 3_600_000, maxSteps: 20_000 };

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

function actorsFor(env: Env): ActorSpec[] {
  const s = env.scenario;
  const actors: ActorSpec[] = [{ id: 'evacuation', startAt: 0, run: (ctx) => evacuation(env, ctx) }];
  if (s.preset === 'nova-test') {
    actors.push({ id: 'test-thread', startAt: 0, run: (ctx) => testThread(env, ctx) });
  } else {
    actors.push({ id: 'periodic-host2', startAt: 0, run: (ctx) => periodicTimer(env, ctx, 'host2', s.periodicAt) });
  }
  if (s.bootAt !== null) actors.push({ id: 'boot', startAt: s.bootAt, run: (ctx) => bootNewServer(env, ctx) });
  if (s.preset === 'production' && s.host1UpAt !== null) {
    actors.push({ id: 'host1-restart', startAt: s.host1UpAt, run: (ctx) => restartHost1(env, ctx) });
  }
  return actors;
}

/**
 * Simulate one scenario.
 *
 * @example simulate(defaultScenario()).verdict.bugReproduced // true
 */
export function simulate(scenario: Scenario, limits: EngineLimits = MODEL_LIMITS): Trace {
  const env: Env = { scenario, lockFor: (host) => lockName(scenario, host) };
  const violations: Violation[] = [];
  let active = new Set<string>();
  const result = runEngine({
    world: initialWorld(),
    actors: actorsFor(env),
    jitter: scenario.jitter,
    seed: scenario.seed,
    limits,
    observe: (step, before, after) => {
      if (before === after) return;
      const saved = HOSTS.filter((h) => before.db.pciDevices[h] !== after.db.pciDevices[h]);
      const problems = checkInvariants(after, saved);
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
    },
  });
  return {
    steps: result.steps,
    states: result.states,
    lockSpans: result.lockSpans,
    violations,
    verdict: computeVerdict({ steps: result.steps, states: result.states, fix: scenario.fix }),
    stopped: result.stopped,
    endTime: result.endTime,
    traceHash: traceHash(result.steps),
  };
}
