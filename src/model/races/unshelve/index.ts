/**
 * Bug #2025480: a periodic while an unshelved server spawns lists it as
 * SHELVED_OFFLOADED and leaves its usage out: `compute1` counts 0 vCPUs for
 * a running server until a later periodic. The fix is a predicate, not a
 * lock: `allow_resource_removal` keeps a spawning instance counted.
 */
import type { Fact } from '../../facts';
import { res, touches } from '../../footprint';
import type { Moment, World } from '../../types';
import { moment, usageRuns } from '../usage-outcome';
import { usageRace } from '../usage-race';
import { unshelve } from './unshelve';
import { COMPUTE, SERVER, unshelveWorld } from './world';

const claimMoment = (facts: readonly Fact[]): Moment | null => {
  const f = facts.find((x) => x.type === 'claim' && x.uuid === SERVER && x.host === COMPUTE);
  return f ? moment(f) : null;
};

const finishedMoment = (facts: readonly Fact[]): Moment | null => {
  const f = facts.find((x) => x.type === 'operation-finished');
  return f ? moment(f) : null;
};

export const UNSHELVE_RACE = usageRace({
  id: '2025480',
  initialWorld: unshelveWorld,
  operation: unshelve,
  finished: {
    holds: (w: World): boolean => w.db.instances[SERVER]?.vmState === 'active',
    footprint: touches({ reads: [res.instance(SERVER)] }),
  },
  spec: {
    bugMechanism: 'spawning-not-counted',
    racingWrites(facts) {
      const opened = claimMoment(facts);
      const closed = finishedMoment(facts);
      return { opened, closed, all: [opened, closed].filter((m): m is Moment => m !== null) };
    },
    mechanism(facts) {
      for (const f of facts) {
        if (f.type !== 'usage-rebuilt' || f.from !== 'instances') continue;
        const left = f.skipped.find((s) => s.uuid === SERVER && s.why === 'removable' && s.vmState === 'shelved_offloaded' && s.taskState === 'spawning');
        if (left) return { mechanism: 'spawning-not-counted', run: usageRuns(facts).find((r) => r.host === f.host && r.run === f.run) ?? null };
      }
      return { mechanism: 'unexplained', run: null };
    },
  },
  view: { host: COMPUTE, uuid: SERVER, migrationId: null },
  words: {
    lost(o, at) {
      const run = o.times.decidingRun;
      const { windowOpened: claim, windowClosed: active } = o.times;
      if (o.mechanism !== 'spawning-not-counted' || !run?.instanceRead || !claim || !active) return 'The counters are wrong';
      return (
        `compute1's periodic listed ${SERVER} at ${at(run.instanceRead.time)}, after instance_claim at ${at(claim.time)} and before ` +
        `vm_state active at ${at(active.time)}, still SHELVED_OFFLOADED while spawning, and left its vCPU out`
      );
    },
    kept(o, at) {
      const claim = o.times.windowOpened;
      return claim ? `no periodic left ${SERVER} out after instance_claim at ${at(claim.time)}` : 'nothing left it out';
    },
  },
});
