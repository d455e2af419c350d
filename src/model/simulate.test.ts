import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from './scenario';
import { lockName, simulate } from './simulate';
import { MODEL_LIMITS } from './engine/limits';
import type { PciVerdict, Trace, TraceStep } from './types';

const test = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario(), ...patch });
const prod = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario('production'), ...patch });

function find(trace: Trace, predicate: (s: TraceStep) => boolean): TraceStep {
  const step = trace.steps.find(predicate);
  if (!step) throw new Error('step not found');
  return step;
}

describe('the Nova regression test (nova-test harness)', () => {
  it('reproduces the bug with the test sleeps on the buggy code: host1 1, host2 0', () => {
    const { verdict } = simulate(test());
    expect(verdict).toMatchObject({ bugReproduced: true, pciAllocated: { host1: 1, host2: 0 }, instanceHost: 'host2' });
    expect(verdict.reason).toMatch(/read the instance list at 2353 ms, before .* at 2403 ms, and the migration list at 4364 ms, after the migration became done at 3423 ms/);
  });

  it('does not reproduce it on the fixed code: host1 1, host2 1', () => {
    const { verdict } = simulate(test({ fix: true }));
    expect(verdict).toMatchObject({ bugReproduced: false, pciAllocated: { host1: 1, host2: 1 }, instanceHost: 'host2' });
    expect(verdict.reason).toMatch(/With the fix, finish_evacuation waited for the lock/);
  });

  it('does not reproduce it without the migration-list sleep', () => {
    const { verdict } = simulate(test({ migDelay: 0 }));
    expect(verdict).toMatchObject({ bugReproduced: false, pciAllocated: { host1: 1, host2: 1 } });
    expect(verdict.reason).toMatch(/ran only before the claim/);
  });

  it('runs host1 then host2 under one shared lock, and the claim queues ahead of host2', () => {
    const trace = simulate(test());
    expect(new Set(trace.lockSpans.map((s) => s.lock))).toEqual(new Set(['compute_resources']));
    const claimWait = find(trace, (s) => s.thread === 'evacuation' && s.lock === 'waited');
    expect(claimWait).toMatchObject({ start: 400, end: 2333, label: expect.stringMatching(/held by periodic-host1/) });
    const order = trace.lockSpans.map((s) => s.thread);
    expect(order).toEqual(['periodic-host1', 'evacuation', 'periodic-host2']);
  });

  it('applies the migration-list sleep to host1 too (the patch applies wherever the function runs)', () => {
    const trace = simulate(test());
    const sleeps = trace.steps.filter((s) => s.sleep && s.nova === 'mig-sleep').map((s) => s.thread);
    expect(sleeps).toEqual(['periodic-host1', 'periodic-host2']);
  });

  it('emits the observable step kinds in causal order', () => {
    const trace = simulate(test());
    const kinds = trace.steps.filter((s) => s.kind && s.host === 'host2' || s.kind === 'host-saved' || s.kind === 'migration-done').map((s) => s.kind);
    expect(kinds).toEqual(['claim', 'instance-list', 'host-saved', 'context-dropped', 'migration-done', 'migration-list', 'clean-usage', 'pci-freed']);
    expect(find(trace, (s) => s.kind === 'pci-freed')).toMatchObject({ host: 'host2', address: '0000:02:00.1', start: 4366, end: 4366 });
  });

  it('flags the broken invariants at the step where they break', () => {
    const trace = simulate(test());
    const freed = find(trace, (s) => s.kind === 'pci-freed');
    const save = find(trace, (s) => s.thread === 'periodic-host2' && s.name === 'pci_tracker.save');
    expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
      ['guest-devices-allocated', freed.index],
      ['in-use-not-available', freed.index],
      ['guest-devices-allocated', save.index],
    ]);
    expect(simulate(test({ fix: true })).violations).toEqual([]);
  });

  it('keeps the periodic run count: once per _run_periodics() call', () => {
    const runs = (n: number) => simulate(test({ periodicRuns: n })).steps.filter((s) => s.kind === 'instance-list').length;
    expect(runs(1)).toBe(2);
    expect(runs(3)).toBe(6);
  });
});

describe('what the lost VF leads to (as real Nova 26.2.2 shows it)', () => {
  it('a second server gets 0000:02:00.1 with the buggy code and 0000:03:00.1 with the fix', () => {
    const vfOfB = (fix: boolean) => {
      const trace = simulate(test({ fix, bootAt: 6000 }));
      return trace.states.at(-1)!.db.instances['inst-B']!.pciDevices.map((d) => d.address);
    };
    expect(vfOfB(false)).toEqual(['0000:02:00.1']);
    expect(vfOfB(true)).toEqual(['0000:03:00.1']);
  });

  it('then only the second server holds 0000:02:00.1 in the rows; the double use shows only in the two ports', () => {
    const trace = simulate(test({ bootAt: 6000 }));
    const db = trace.states.at(-1)!.db;
    const rowsOf = (uuid: string) => Object.values(db.pciDevices.host2!).filter((d) => d.instanceUuid === uuid).map((d) => d.address);
    expect(rowsOf('inst-B')).toEqual(['0000:02:00.1']);
    expect(rowsOf('inst-A')).toEqual([]);
    expect(Object.values(db.ports).map((p) => [p.id, p.bindingHost, p.pciSlot])).toEqual([
      ['port-A', 'host2', '0000:02:00.1'],
      ['port-B', 'host2', '0000:02:00.1'],
    ]);
    const bind = find(trace, (s) => s.name === 'allocate_for_instance');
    expect(trace.violations).toContainEqual(expect.objectContaining({ invariant: 'single-owner', step: bind.index, address: '0000:02:00.1' }));
  });

  it('moves the evacuee\'s port to host2 before the driver rebuilds the guest', () => {
    const trace = simulate(test());
    const bind = find(trace, (s) => s.name === 'setup_instance_network_on_host');
    const rebuild = find(trace, (s) => s.name === 'driver.rebuild');
    expect(bind.index).toBeLessThan(rebuild.index);
    expect(bind.changes.map((c) => c.path)).toEqual(['ports[port-A].binding:host_id']);
    expect(trace.states[bind.index + 1]!.db.ports['port-A']).toMatchObject({ bindingHost: 'host2', pciSlot: '0000:02:00.1' });
  });
});

describe('the production harness', () => {
  it('has one lock per host and runs only host2 (host1 is down)', () => {
    const trace = simulate(prod());
    expect(new Set(trace.lockSpans.map((s) => s.lock))).toEqual(new Set(['compute_resources@host2']));
    expect(trace.steps.some((s) => s.thread === 'periodic-host1')).toBe(false);
    expect(lockName(prod(), 'host1')).toBe('compute_resources@host1');
  });

  it('reproduces the loss when host2 periodic starts between the claim and the host save, and the next run does not heal it', () => {
    const trace = simulate(prod());
    expect(trace.verdict.bugReproduced).toBe(true);
    const reads = trace.steps.filter((s) => s.kind === 'instance-list').map((s) => s.end);
    expect(reads).toEqual([430, 60430]);
  });

  it('a periodic that starts after the host save keeps the device', () => {
    expect(simulate(prod({ periodicAt: 500 })).verdict.bugReproduced).toBe(false);
  });
});

describe('optional actors', () => {
  it('a new boot after the race gets the same VF: one device, two VMs', () => {
    const trace = simulate(test({ bootAt: 6000 }));
    const final = trace.states[trace.states.length - 1]!;
    expect(final.hosts.host2!.guests['inst-B']?.pciDevices).toEqual(['0000:02:00.1']);
    expect(final.hosts.host2!.guests['inst-A']?.pciDevices).toEqual(['0000:02:00.1']);
    expect(trace.violations.some((v) => v.invariant === 'single-owner' && v.message.includes('two VMs'))).toBe(true);
  });

  it('with the fix, the new boot gets the other VF', () => {
    const final = simulate(test({ bootAt: 6000, fix: true })).states.at(-1)!;
    expect(final.hosts.host2!.guests['inst-B']?.pciDevices).toEqual(['0000:03:00.1']);
  });

  it('host1 coming back destroys the evacuated guest, completes the migration and frees the source VF', () => {
    const trace = simulate(test({ fix: true, host1UpAt: 8000 }));
    const final = trace.states.at(-1)!;
    expect(final.hosts.host1!.guests).toEqual({});
    expect(final.db.migrations[1]!.status).toBe('completed');
    expect((trace.verdict as PciVerdict).pciAllocated).toEqual({ host1: 0, host2: 1 });
    expect(trace.verdict.bugReproduced).toBe(false);
  });
});

describe('determinism and limits', () => {
  it('gives the same trace, byte for byte, for the same scenario', () => {
    const a = simulate(test({ jitter: 300, seed: 42, bootAt: 3000 }));
    const b = simulate(test({ jitter: 300, seed: 42, bootAt: 3000 }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.traceHash).toBe(b.traceHash);
    expect(simulate(test({ jitter: 300, seed: 43, bootAt: 3000 })).traceHash).not.toBe(a.traceHash);
  });

  it('stops a scenario past the periodic-run limit with a message', () => {
    const trace = simulate(prod({ periodicRuns: 5000, period: 1000 }));
    expect(trace.stopped?.limit).toBe('periodic-runs');
    expect(trace.stopped?.message).toMatch(/1500 periodic runs/);
  });

  it('stops a scenario past the virtual time limit', () => {
    const trace = simulate(prod({ periodicRuns: 900, period: 3_600_000 }));
    expect(trace.stopped?.limit).toBe('time');
  });

  it('stops at the step limit', () => {
    const trace = simulate(prod(), { maxTime: 1e9, maxSteps: 10 });
    expect(trace.steps).toHaveLength(10);
    expect(trace.stopped?.limit).toBe('steps');
  });
});

describe('the verdict: lost, kept, or not reached', () => {
  it('a run that stops before the claim is incomplete, never "kept"', () => {
    const verdict = simulate(prod({ claimAt: 3_600_000, periodicRuns: 10_000, period: 1000 })).verdict as PciVerdict;
    expect(verdict).toMatchObject({ verdict: 'incomplete', allocationLost: false, bugReproduced: false, mechanism: null });
    expect(verdict.times.claim).toBeNull();
    expect(verdict.reason).toMatch(/^Not reached: the evacuation never reached its claim on host2\. .*1500 periodic runs/);
  });

  it('a run that stops after the claim but before the evacuation finished is incomplete', () => {
    const { verdict } = simulate(test({ spawn: 100_000_000 }));
    expect(verdict.verdict).toBe('incomplete');
    expect(verdict.reason).toMatch(/claimed on host2 at 2343 ms but did not finish/);
  });

  it('a run whose evacuation finished before a limit keeps its verdict', () => {
    const { verdict, stopped } = simulate(prod({ periodicRuns: 5000, period: 1000 }));
    expect(stopped?.limit).toBe('periodic-runs');
    expect(verdict).toMatchObject({ verdict: 'lost', bugReproduced: true });
  });

  it('bug #1896463 is the stale-snapshots mechanism; the fixed code keeps the device', () => {
    expect(simulate(test()).verdict).toMatchObject({ verdict: 'lost', allocationLost: true, bugReproduced: true, mechanism: 'stale-snapshots' });
    expect(simulate(test({ fix: true })).verdict).toMatchObject({ verdict: 'kept', allocationLost: false, bugReproduced: false, mechanism: null });
  });

  it('host1 coming back mid-evacuation (nova-test harness, fixed code): migration completed by the source', () => {
    // host1's restart after host2's claim and before finish_evacuation, host2's periodic after the restart:
    const { verdict } = simulate(test({ fix: true, migDelay: 0, dropDelay: 0, spawn: 3000, periodicAt: 1200, host1UpAt: 600 }));
    expect(verdict).toMatchObject({ verdict: 'lost', bugReproduced: false, mechanism: 'migration-completed-by-source' });
  });
});

describe('the biggest traces the limits allow', () => {
  it('the Nova test harness with 1,428 periodic runs gives a whole trace of more than 20,000 steps (what the big-trace e2e tests step through)', () => {
    const trace = simulate({ ...defaultScenario('nova-test'), periodicRuns: 1428 });
    expect(trace.stopped).toBeNull();
    expect(trace.steps.length).toBeGreaterThanOrEqual(20_000);
    expect(trace.steps.length).toBeLessThan(MODEL_LIMITS.maxSteps);
    expect(trace.verdict.verdict).toBe('lost');
  });
});
