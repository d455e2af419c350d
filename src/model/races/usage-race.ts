/**
 * A usage race's definition from its parts: the world, the operation's
 * thread, when the test sees it finished, how its outcome and reason are
 * told, and its view. The harness (one process, one lock, the test thread)
 * is the same for all of them.
 */
import type { Env } from '../actors/ops';
import type { ActorContext, Program } from '../engine/types';
import type { Scenario } from '../scenario';
import { isUsageOutcome, type HostMap, type HostName, type UsageRaceId, type World } from '../types';
import { RACE_INFO } from './catalog';
import type { RaceDefinition } from './definition';
import { type FinishedCondition, removableFor, usageActors, usageEnv } from './harness';
import { type UsageSpec, usageOutcome } from './usage-outcome';
import { usageReason, type UsageWords } from './usage-verdict';
import { usageRaceView, type UsageViewSpec } from './usage-view';

export interface UsageRaceConfig {
  readonly id: UsageRaceId;
  readonly initialWorld: () => World;
  readonly operation: (env: Env, ctx: ActorContext) => Program;
  readonly finished: FinishedCondition;
  readonly spec: Omit<UsageSpec, 'race' | 'hosts' | 'initialUsage' | 'expected'>;
  readonly view: Omit<UsageViewSpec, 'hosts' | 'initialUsage'>;
  readonly words: Omit<UsageWords, 'hosts' | 'operation'>;
}

function usageOf(world: World, hosts: readonly HostName[]): HostMap<number> {
  return Object.fromEntries(hosts.map((h) => [h, world.db.computeNodes[h]?.vcpusUsed ?? 0]));
}

export function usageRace(config: UsageRaceConfig): RaceDefinition {
  const info = RACE_INFO[config.id];
  const { hosts } = info;
  const initialUsage = usageOf(config.initialWorld(), hosts);
  const spec: UsageSpec = { ...config.spec, race: config.id, hosts, initialUsage, expected: info.expectedUsage ?? {} };
  const words: UsageWords = { ...config.words, hosts, operation: info.operation };
  const viewSpec: UsageViewSpec = { ...config.view, hosts, initialUsage };
  return {
    ...info,
    initialWorld: config.initialWorld,
    actors: (scenario: Scenario) => usageActors(usageEnv(scenario, removableFor(scenario)), hosts, config.operation, config.finished),
    outcome: (input) => usageOutcome(spec, input),
    withReason(outcome) {
      if (!isUsageOutcome(outcome)) throw new Error(`${config.id} cannot tell a #1896463 outcome`);
      return usageReason(words, outcome);
    },
    raceView(facts, steps, states, endTime, outcome) {
      if (!isUsageOutcome(outcome)) throw new Error(`${config.id} cannot draw a #1896463 outcome`);
      return usageRaceView(viewSpec, outcome, facts, steps, states, endTime);
    },
  };
}
