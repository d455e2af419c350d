/**
 * Bug #1896463: an evacuation finishing on host2 while host2's periodic
 * `update_available_resource` runs there frees the evacuee's PCI device.
 * The race Racelab began with; its model lives in `actors/`, `outcome.ts`,
 * `verdict.ts` and `race.ts`, and this definition puts it together.
 */
import { bootNewServer } from '../actors/boot';
import { evacuation } from '../actors/evacuation';
import { restartHost1 } from '../actors/host-restart';
import { type Env, idleUntil } from '../actors/ops';
import { periodicTimer, runPeriodicsLikeTheTest } from '../actors/periodic';
import type { ActorContext, ActorSpec, Program } from '../engine/types';
import { computeOutcome } from '../outcome';
import { raceView } from '../race';
import type { Scenario } from '../scenario';
import { type HostName, isUsageOutcome } from '../types';
import { inAllowResourceRemoval } from '../usage';
import { withReason } from '../verdict';
import { DEST_HOST, EVACUEES, initialWorld } from '../world';
import { RACE_INFO } from './catalog';
import type { RaceDefinition } from './definition';

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

/** The threads of a #1896463 scenario, in tie-break order. */
function evacuationActors(scenario: Scenario): ActorSpec[] {
  const env: Env = {
    scenario,
    lockFor: (host) => lockName(scenario, host),
    migrationListSleep: scenario.migDelay,
    removable: inAllowResourceRemoval,
    countsUsage: false,
  };
  const s = scenario;
  const actors: ActorSpec[] = [{ id: 'evacuation', startAt: 0, run: (ctx) => evacuation(env, ctx) }];
  if (s.evacuees === 2) actors.push({ id: 'evacuation-2', startAt: 0, run: (ctx) => evacuation(env, ctx, 1) });
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

export const EVACUATION_RACE: RaceDefinition = {
  ...RACE_INFO['1896463'],
  initialWorld: (scenario) => initialWorld(scenario?.evacuees === 2 ? 2 : 1),
  actors: evacuationActors,
  outcome: computeOutcome,
  withReason(outcome) {
    if (isUsageOutcome(outcome)) throw new Error(`#1896463 cannot tell a ${outcome.race} outcome`);
    return withReason(outcome);
  },
  // With two evacuees the view follows the one the verdict tells of: the first lost, else inst-A.
  raceView: (facts, steps, states, endTime, outcome) => {
    const lost = isUsageOutcome(outcome) ? undefined : outcome.lostInstances?.[0];
    const watched = EVACUEES.find((e) => e.uuid === lost) ?? EVACUEES[0];
    return raceView(facts, steps, states, endTime, watched);
  },
};
