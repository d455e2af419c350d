/**
 * Bug #1879878, both halves: a periodic between a cold migration's status
 * change and `drop_move_claim` leaves `compute_nodes.vcpus_used` wrong when
 * the confirm or the revert finishes, until a later periodic rebuilds it.
 */
import type { Fact, FactOf } from '../../facts';
import { res, touches } from '../../footprint';
import type { Moment, UsageRun, World } from '../../types';
import { moment } from '../usage-outcome';
import { usageRace } from '../usage-race';
import { confirmResize } from './confirm';
import { revertResize } from './revert';
import { MIGRATION_ID, RESIZE_DEST, RESIZE_SOURCE, resizeWorld, SERVER } from './world';


const statusMoment = (facts: readonly Fact[], to: string): Moment | null => {
  const f = facts.find((x) => x.type === 'migration-status' && x.id === MIGRATION_ID && x.to === to);
  return f ? moment(f) : null;
};

const droppedFact = (facts: readonly Fact[]): FactOf<'claim-dropped'> | undefined =>
  facts.find((f): f is FactOf<'claim-dropped'> => f.type === 'claim-dropped');

const hostSavedMoment = (facts: readonly Fact[]): Moment | null => {
  const f = facts.find((x) => x.type === 'instance-host' && x.uuid === SERVER && x.to === RESIZE_SOURCE);
  return f ? moment(f) : null;
};

/** The last run on `host` whose `read` fell strictly between two moments. */
function runBetween(runs: readonly UsageRun[], host: string, read: 'instanceRead' | 'migrationRead', after: Moment | null, before: Moment | null): UsageRun | null {
  let found: UsageRun | null = null;
  for (const run of runs) {
    const r = run[read];
    if (run.host !== host || !r) continue;
    if ((after === null || r.step > after.step) && (before === null || r.step < before.step)) found = run;
  }
  return found;
}

/** The test thread waits for the server's end state: the stashed flavors are unset last. */
const FINISHED = {
  holds: (w: World): boolean => w.db.instances[SERVER]?.oldFlavor === null,
  footprint: touches({ reads: [res.instance(SERVER)] }),
};


export const CONFIRM_RACE = usageRace({
  id: '1879878-confirm',
  initialWorld: resizeWorld,
  operation: confirmResize,
  finished: FINISHED,
  spec: {
    bugMechanism: 'periodic-before-drop',
    racingWrites(facts) {
      const opened = statusMoment(facts, 'confirmed');
      const drop = droppedFact(facts);
      const closed = drop ? moment(drop) : null;
      return { opened, closed, all: [opened, closed].filter((m): m is Moment => m !== null) };
    },
    mechanism(facts, runs, times) {
      const drop = droppedFact(facts);
      if (drop && drop.host === RESIZE_SOURCE && drop.found === 'none' && drop.vcpus > 0) {
        return { mechanism: 'periodic-before-drop', run: runBetween(runs, RESIZE_SOURCE, 'migrationRead', times.windowOpened, times.windowClosed) };
      }
      return { mechanism: 'unexplained', run: null };
    },
  },
  view: { host: RESIZE_SOURCE, uuid: SERVER, migrationId: MIGRATION_ID },
  words: {
    lost(o, at) {
      const run = o.times.decidingRun;
      const { windowOpened: confirmed, dropped } = o.times;
      if (o.mechanism !== 'periodic-before-drop' || !run?.migrationRead || !confirmed || !dropped) return 'The counters are wrong';
      return (
        `host1's periodic read the migration list at ${at(run.migrationRead.time)}, after the migration became confirmed at ` +
        `${at(confirmed.time)}, and stopped counting the outgoing migration; drop_move_claim then found ${SERVER} in neither ` +
        `tracked set at ${at(dropped.time)} and subtracted its old flavor (${dropped.vcpus} vCPU) anyway`
      );
    },
    kept(o, at) {
      const confirmed = o.times.windowOpened;
      const dropped = o.times.dropped;
      if (dropped?.found === 'migration') return `drop_move_claim found the outgoing migration tracked and subtracted it once${confirmed ? ` (confirmed at ${at(confirmed.time)})` : ''}`;
      return 'no periodic rebuilt host1 between the confirmed save and the drop';
    },
  },
});

export const REVERT_RACE = usageRace({
  id: '1879878-revert',
  initialWorld: resizeWorld,
  operation: revertResize,
  finished: FINISHED,
  spec: {
    bugMechanism: 'periodic-before-drop',
    racingWrites(facts) {
      const opened = statusMoment(facts, 'reverted');
      const drop = droppedFact(facts);
      const closed = hostSavedMoment(facts);
      return { opened, closed, all: [opened, drop ? moment(drop) : null, closed].filter((m): m is Moment => m !== null) };
    },
    mechanism(facts, runs, times) {
      const drop = droppedFact(facts);
      const dropped = drop ? moment(drop) : null;
      // host2: a periodic before the drop took the migration out of tracked_migrations; the drop, with no flavor, subtracted nothing.
      if (drop && drop.found === 'instance' && drop.vcpus === 0) {
        const before = runs.filter((r) => r.host === RESIZE_DEST && r.saved && dropped && r.saved.step < dropped.step);
        return { mechanism: 'periodic-before-drop', run: before[before.length - 1] ?? null };
      }
      // host1: a periodic between the 'reverted' save and the drop stopped counting the outgoing migration (the fix makes the two one step).
      const source = runs.find(
        (r) =>
          r.host === RESIZE_SOURCE && r.migrationRead && r.instanceRead && times.windowOpened && dropped && times.windowClosed &&
          r.migrationRead.step > times.windowOpened.step && r.migrationRead.step < dropped.step && r.instanceRead.step < times.windowClosed.step,
      );
      if (source) return { mechanism: 'periodic-before-drop', run: source };
      const run = runBetween(runs, RESIZE_SOURCE, 'instanceRead', dropped, times.windowClosed) ?? runBetween(runs, RESIZE_DEST, 'instanceRead', dropped, times.windowClosed);
      return run ? { mechanism: 'reverted-before-host-save', run } : { mechanism: 'unexplained', run: null };
    },
  },
  view: { host: RESIZE_SOURCE, uuid: SERVER, migrationId: MIGRATION_ID },
  words: {
    lost(o, at) {
      const run = o.times.decidingRun;
      const { dropped, windowClosed: hostSaved, windowOpened: reverted } = o.times;
      if (o.mechanism === 'periodic-before-drop' && run?.host === RESIZE_SOURCE && run.migrationRead && reverted && dropped) {
        return (
          `host1's periodic read the migration list at ${at(run.migrationRead.time)}, after the migration was reverted at ` +
          `${at(reverted.time)} and before host2's drop_move_claim at ${at(dropped.time)}, and stopped counting the outgoing ` +
          `migration while ${SERVER} was not back on host1 yet`
        );
      }
      if (o.mechanism === 'periodic-before-drop' && run?.saved && dropped) {
        return (
          `host2's periodic rebuilt its usage at ${at(run.saved.time)}, before drop_move_claim at ${at(dropped.time)}: ${SERVER} was ` +
          'tracked as an instance on host2, not as an incoming migration, so the drop, given no flavor, subtracted nothing' +
          (reverted ? `, and host1's periodic no longer counted the migration once it was reverted at ${at(reverted.time)}` : '')
        );
      }
      if (o.mechanism === 'reverted-before-host-save' && run?.instanceRead && dropped && hostSaved) {
        const what = run.host === RESIZE_SOURCE ? 'host1 no longer counted the reverted migration and did not list the instance yet' : `host2 listed ${SERVER} and counted it again`;
        return (
          `${run.host}'s periodic read the instance list at ${at(run.instanceRead.time)}, after host2 dropped its claim and the ` +
          `migration was reverted (${at(dropped.time)}) but before finish_revert_resize saved host=host1 at ${at(hostSaved.time)}: ` +
          `${what}. The fix does not close this window`
        );
      }
      return 'The counters are wrong';
    },
    kept(o) {
      const dropped = o.times.dropped;
      if (dropped?.found === 'migration') return 'drop_move_claim found the incoming migration tracked on host2 and subtracted it';
      return 'no periodic rebuilt the trackers while the revert was in flight';
    },
  },
});
