import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../model/scenario';
import { simulate } from '../../model/simulate';
import type { Trace } from '../../model/types';
import { byPhysnet, type CursorWorlds, deviceLook, type DeviceView, hostDevices, lookLabel, lookText, statusWithOwner } from './device-view';
import { findFree, freedBy } from './freed-reason';

function worldsAt(trace: Trace, cursor: number): CursorWorlds {
  return { trace, cursor, at: trace.states[cursor + 1]!, before: trace.states[cursor]! };
}

function flat(devices: readonly DeviceView[]): DeviceView[] {
  return devices.flatMap((d) => [d, ...d.children]);
}

function device(devices: readonly DeviceView[], address: string): DeviceView {
  const found = flat(devices).find((d) => d.address === address);
  if (!found) throw new Error(`no ${address}`);
  return found;
}

const buggy = simulate(defaultScenario());
const freedStep = buggy.steps.find((s) => s.kind === 'pci-freed' && s.host === 'host2')!;

describe('deviceLook', () => {
  it('follows the tracker status when no guest contradicts it', () => {
    expect(deviceLook('available', null, [])).toBe('available');
    expect(deviceLook('claimed', 'inst-A', [])).toBe('claimed');
    expect(deviceLook('allocated', 'inst-A', ['inst-A'])).toBe('allocated');
    expect(deviceLook('unavailable', null, [])).toBe('unavailable');
    expect(deviceLook('unclaimable', null, [])).toBe('unavailable');
  });

  it('is lost when a running guest uses a device the tracker calls available', () => {
    expect(deviceLook('available', null, ['inst-A'])).toBe('lost');
  });

  it('is a conflict when the tracker owner is not the guest, or two guests share it', () => {
    expect(deviceLook('allocated', 'inst-B', ['inst-A'])).toBe('conflict');
    expect(deviceLook('allocated', 'inst-B', ['inst-A', 'inst-B'])).toBe('conflict');
  });

  it('always says the status in words', () => {
    expect(lookText({ look: 'allocated', status: 'allocated', owner: 'inst-A' })).toBe('inst-A');
    expect(lookLabel({ look: 'allocated', status: 'allocated', owner: 'inst-A', usedBy: [] })).toBe('allocated to inst-A');
    expect(lookText({ look: 'lost', status: 'available', owner: null })).toBe('⚠ available');
    expect(lookLabel({ look: 'lost', status: 'available', owner: null, usedBy: ['inst-A'] })).toBe(
      'available in the tracker, but inst-A still uses it',
    );
    expect(lookText({ look: 'unavailable', status: 'unclaimable', owner: null })).toBe('unclaimable');
    expect(statusWithOwner('allocated', 'inst-A')).toBe('allocated (inst-A)');
    expect(statusWithOwner(null, null)).toBe('no row');
  });
});

describe('hostDevices', () => {
  it('nests each VF under its PF, sorted by address', () => {
    const tree = hostDevices(worldsAt(buggy, 0), 'host2');
    expect(tree.map((d) => d.address)).toEqual(['0000:01:00.0', '0000:02:00.0', '0000:03:00.0']);
    expect(tree.map((d) => d.children.map((c) => c.address))).toEqual([['0000:01:00.1'], ['0000:02:00.1'], ['0000:03:00.1']]);
  });

  it('shows host1 keeping the evacuee VF allocated and its PF unavailable', () => {
    const host1 = hostDevices(worldsAt(buggy, 0), 'host1');
    expect(device(host1, '0000:02:00.1')).toMatchObject({ look: 'allocated', owner: 'inst-A', usedBy: ['inst-A'] });
    expect(device(host1, '0000:02:00.0').look).toBe('unavailable');
  });

  it('marks the VF freed by clean_usage as lost, with who freed it and why', () => {
    const host2 = hostDevices(worldsAt(buggy, freedStep.index), 'host2');
    const vf = device(host2, '0000:02:00.1');
    expect(vf).toMatchObject({ status: 'available', look: 'lost', usedBy: ['inst-A'], changed: true });
    expect(vf.reason?.freedAt).toBe(freedStep.index);
    expect(vf.reason?.text).toContain(`freed by host2 periodic's clean_usage at ${freedStep.end} ms`);
    expect(vf.reason?.text).toContain('inst-A was in neither snapshot');
    // The tracker freed it, the database row still says allocated until the save.
    expect(vf).toMatchObject({ dbStatus: 'allocated', dbOwner: 'inst-A', dbDiffers: true });
  });

  it('flags only what the selected step changed', () => {
    const save = freedStep.index + 1;
    const host2 = hostDevices(worldsAt(buggy, save), 'host2');
    expect(device(host2, '0000:02:00.1')).toMatchObject({ changed: true, dbStatus: 'available', dbDiffers: false });
    expect(device(host2, '0000:03:00.1').changed).toBe(false);
    expect(hostDevices(worldsAt(buggy, save), 'host1').some((d) => d.changed)).toBe(false);
  });

  it('shows a conflict when a new boot gets the freed VF while inst-A still uses it', () => {
    const trace = simulate({ ...defaultScenario(), bootAt: 6000 });
    const spawn = trace.steps.find((s) => s.nova === 'build-spawn')!;
    const vf = device(hostDevices(worldsAt(trace, spawn.index), 'host2'), '0000:02:00.1');
    expect(vf).toMatchObject({ look: 'conflict', owner: 'inst-B', usedBy: ['inst-A', 'inst-B'] });
    expect(vf.reason?.text).toMatch(/inst-A still uses it; freed by host2 periodic's clean_usage/);
    expect(vf.reason?.text).toContain('then the tracker gave it to inst-B');
    expect(vf.ports).toEqual([{ id: 'port-A', instanceUuid: 'inst-A' }, { id: 'port-B', instanceUuid: 'inst-B' }]);
  });

  it('shows each port on the VF its binding:profile names: one each with the fix', () => {
    const trace = simulate({ ...defaultScenario(), fix: true, bootAt: 6000 });
    const devices = hostDevices(worldsAt(trace, trace.steps.length - 1), 'host2');
    expect(device(devices, '0000:02:00.1').ports).toEqual([{ id: 'port-A', instanceUuid: 'inst-A' }]);
    expect(device(devices, '0000:03:00.1').ports).toEqual([{ id: 'port-B', instanceUuid: 'inst-B' }]);
  });

  it('keeps the VF allocated with the fix', () => {
    const trace = simulate({ ...defaultScenario(), fix: true });
    const last = trace.steps.length - 1;
    const vf = device(hostDevices(worldsAt(trace, last), 'host2'), '0000:02:00.1');
    expect(vf).toMatchObject({ look: 'allocated', owner: 'inst-A', dbStatus: 'allocated', reason: null });
  });
});

describe('freedBy', () => {
  it('finds nothing before the freeing step', () => {
    expect(findFree(buggy, freedStep.index - 1, 'host2', '0000:02:00.1', 'inst-A')).toBeNull();
    expect(freedBy(buggy, freedStep.index, 'host2', '0000:02:00.1', 'inst-B')).toBeNull();
  });

  it('names the snapshots and their times', () => {
    const found = freedBy(buggy, buggy.steps.length - 1, 'host2', '0000:02:00.1', 'inst-A');
    const view = buggy.states[freedStep.index + 1]!.hosts.host2!.periodic!;
    expect(found?.freed.step).toBe(freedStep.index);
    expect(found?.text).toBe(
      `freed by host2 periodic's clean_usage at ${freedStep.end} ms: inst-A was in neither snapshot ` +
        `(instance list read at ${view.instancesReadAt} ms, migration list at ${view.migrationsReadAt} ms)`,
    );
  });
});

describe('byPhysnet', () => {
  it('groups the PFs by physnet', () => {
    const groups = byPhysnet(hostDevices(worldsAt(buggy, 0), 'host2'));
    expect(groups.map((g) => [g.physnet, g.devices.map((d) => d.address)])).toEqual([
      ['physnet1', ['0000:01:00.0']],
      ['physnet2', ['0000:02:00.0', '0000:03:00.0']],
    ]);
  });
});
