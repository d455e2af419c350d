import { describe, expect, it } from 'vitest';
import { resizeWorld } from './races/resize/world';
import { unshelveWorld } from './races/unshelve/world';
import type { InstanceRow } from './types';
import { allowResourceRemoval, dropMoveClaim, inAllowResourceRemoval, instanceClaimUsage } from './usage';
import { instanceOf, migrationOf } from './world';

const row = (patch: Partial<InstanceRow>): InstanceRow => ({ ...instanceOf(unshelveWorld(), 'inst-A'), ...patch });

describe('which listed instances the periodic leaves out', () => {
  it('before #2025480’s fix: deleted and shelved-offloaded ones, spawning or not', () => {
    expect(inAllowResourceRemoval(row({ vmState: 'shelved_offloaded', taskState: 'spawning' }))).toBe(true);
    expect(inAllowResourceRemoval(row({ vmState: 'active', taskState: null }))).toBe(false);
  });

  it('with the fix: a shelved-offloaded instance that is spawning again keeps its usage', () => {
    expect(allowResourceRemoval(row({ vmState: 'shelved_offloaded', taskState: 'spawning' }))).toBe(false);
    expect(allowResourceRemoval(row({ vmState: 'shelved_offloaded', taskState: null }))).toBe(true);
    expect(allowResourceRemoval(row({ vmState: 'deleted', taskState: null }))).toBe(true);
  });
});

describe('drop_move_claim', () => {
  const w = resizeWorld();
  const migration = migrationOf(w, 1);

  it('pops a tracked migration and subtracts its flavor, saving the row', () => {
    const effect = dropMoveClaim(w, 'host2', 'inst-A', null, 'new', migration);
    expect(effect.world.hosts.host2!.tracker.trackedMigrations).toEqual({});
    expect(effect.world.db.computeNodes.host2).toEqual({ vcpusUsed: 0 });
    expect(effect.facts).toEqual([
      { type: 'claim-dropped', host: 'host2', uuid: 'inst-A', found: 'migration', vcpus: 1 },
      { type: 'usage-saved', host: 'host2', run: null, vcpusUsed: 0 },
    ]);
  });

  it('subtracts a passed flavor even for an instance it does not track: how host1 reaches -1', () => {
    const untracked = { ...w, hosts: { ...w.hosts, host1: { ...w.hosts.host1!, tracker: { ...w.hosts.host1!.tracker, trackedInstances: [], computeNode: { vcpusUsed: 0 } } } } };
    const effect = dropMoveClaim(untracked, 'host1', 'inst-A', instanceOf(w, 'inst-A').oldFlavor, 'old', migration);
    expect(effect.world.db.computeNodes.host1).toEqual({ vcpusUsed: -1 });
    expect(effect.facts?.[0]).toMatchObject({ found: 'none', vcpus: 1 });
    expect(effect.label()).toMatch(/in neither tracked set; subtracts m1.small \(1 vCPU\): vcpus_used 0 -> -1/);
  });

  it('without a flavor, a tracked instance is only forgotten and nothing is saved', () => {
    const tracked = { ...w, hosts: { ...w.hosts, host2: { ...w.hosts.host2!, tracker: { ...w.hosts.host2!.tracker, trackedMigrations: {}, trackedInstances: ['inst-A'] } } } };
    const effect = dropMoveClaim(tracked, 'host2', 'inst-A', null, 'new', migration);
    expect(effect.world.hosts.host2!.tracker.trackedInstances).toEqual([]);
    expect(effect.world.db.computeNodes).toBe(tracked.db.computeNodes);
    expect(effect.facts).toEqual([{ type: 'claim-dropped', host: 'host2', uuid: 'inst-A', found: 'instance', vcpus: 0 }]);
  });
});

describe('instance_claim of an unshelved server', () => {
  it('sets host and node, tracks it, adds its vCPUs and saves the row', () => {
    const effect = instanceClaimUsage(unshelveWorld(), 'compute1', 'inst-A');
    const w = effect.world;
    expect(instanceOf(w, 'inst-A')).toMatchObject({ host: 'compute1', node: 'compute1', vmState: 'shelved_offloaded' });
    expect(w.hosts.compute1!.tracker.trackedInstances).toEqual(['inst-A']);
    expect(w.db.computeNodes.compute1).toEqual({ vcpusUsed: 1 });
    expect(effect.facts?.map((f) => f.type)).toEqual(['claim', 'instance-host', 'usage-saved']);
  });
});
