import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../model/scenario';
import { simulate } from '../../model/simulate';
import type { Trace } from '../../model/types';
import { ABSENT, type StateGroup, stateGroups, type StateRow } from './state-sections';

const buggy = simulate(defaultScenario());

function groupsAt(trace: Trace, cursor: number): StateGroup[] {
  return stateGroups(trace.states[cursor + 1]!, trace.states[cursor]!);
}

function row(groups: StateGroup[], table: string, field: string): StateRow {
  const found = groups.flatMap((g) => g.tables).find((t) => t.id === table)?.rows.find((r) => r.field === field);
  if (!found) throw new Error(`no ${table}.${field}`);
  return found;
}

function changed(groups: StateGroup[]): string[] {
  return groups.flatMap((g) => g.tables.flatMap((t) => t.rows.filter((r) => r.was !== null).map((r) => `${t.id}.${r.field}`)));
}

const stepOf = (trace: Trace, kind: string) => trace.steps.find((s) => s.kind === kind)!.index;

describe('stateGroups', () => {
  it('shows the database, then the trackers, then the periodic snapshots', () => {
    const groups = groupsAt(buggy, 0);
    expect(groups.map((g) => g.id)).toEqual(['instances', 'migrations', 'trackers', 'periodics']);
    expect(row(groups, 'instance-inst-A', 'host').value).toBe('host1');
    expect(row(groups, 'instance-inst-A', 'task_state')).toEqual({ field: 'task_state', value: 'rebuilding', was: 'None' });
    expect(row(groups, 'tracker-host1', 'allocations').value).toBe('inst-A: 0000:02:00.1');
    expect(row(groups, 'periodic-host2', 'run').value).toBe('none yet');
  });

  it('marks a migration created at this step as new', () => {
    const groups = groupsAt(buggy, 0);
    expect(row(groups, 'migration-1', 'status')).toEqual({ field: 'status', value: 'accepted', was: ABSENT });
    expect(row(groups, 'migration-1', 'source_compute').value).toBe('host1');
    expect(row(groups, 'migration-1', 'dest_compute').value).toBe('None');
    expect(groupsAt(buggy, 1).find((g) => g.id === 'migrations')?.tables).toHaveLength(1);
  });

  it('highlights what the claim changed: dest, status, context and host2 tracker', () => {
    expect(changed(groupsAt(buggy, stepOf(buggy, 'claim')))).toEqual([
      'instance-inst-A.migration_context',
      'migration-1.status',
      'migration-1.dest_compute',
      'tracker-host2.tracked_migrations',
      'tracker-host2.allocations',
    ]);
  });

  it('shows the instance host changing at the save and the migration becoming done', () => {
    const saved = groupsAt(buggy, stepOf(buggy, 'host-saved'));
    expect(row(saved, 'instance-inst-A', 'host')).toEqual({ field: 'host', value: 'host2', was: 'host1' });
    expect(row(saved, 'instance-inst-A', 'pci_devices').value).toBe('host2 0000:02:00.1');
    const done = groupsAt(buggy, stepOf(buggy, 'migration-done'));
    expect(row(done, 'migration-1', 'status')).toEqual({ field: 'status', value: 'done', was: 'pre-migrating' });
  });

  it("shows host2's periodic snapshots: no instances, then no migrations", () => {
    const listIndex = buggy.steps.find((s) => s.kind === 'instance-list' && s.host === 'host2')!.index;
    const first = groupsAt(buggy, listIndex);
    expect(row(first, 'periodic-host2', 'instance list').value).toBe(`[] at ${buggy.steps[listIndex]!.end} ms`);
    expect(row(first, 'periodic-host2', 'migration list').value).toBe('not read yet');
    const migIndex = buggy.steps.find((s) => s.kind === 'migration-list' && s.host === 'host2')!.index;
    expect(row(groupsAt(buggy, migIndex), 'periodic-host2', 'migration list')).toEqual({
      field: 'migration list',
      value: `[] at ${buggy.steps[migIndex]!.end} ms`,
      was: 'not read yet',
    });
    const host1 = groupsAt(buggy, migIndex);
    expect(row(host1, 'periodic-host1', 'migration list').value).toMatch(/^\[1 inst-A accepted\] at \d+ ms$/);
  });

  it('adds inst-B when a new server boots', () => {
    const trace = simulate({ ...defaultScenario(), bootAt: 6000 });
    const create = trace.steps.find((s) => s.nova === 'compute-api-create')!.index;
    const groups = groupsAt(trace, create);
    expect(row(groups, 'instance-inst-B', 'vm_state')).toEqual({ field: 'vm_state', value: 'building', was: ABSENT });
    expect(groups[0]!.tables.map((t) => [t.caption, t.note])).toEqual([
      ['inst-A', 'test-server-for-bug-1896463'],
      ['inst-B', 'new-server'],
    ]);
  });
});
