/**
 * `evacuees=2`: host1 runs inst-C too, and the API evacuates it right after
 * inst-A. Each evacuation has its own migration, thread and claim on host2,
 * and the race can free either evacuee's VF by the same mechanism.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, type Scenario } from './scenario';
import { simulate, simulateOutcome } from './simulate';
import type { PciVerdict } from './types';
import { initialWorld } from './world';

const two = (patch: Partial<Scenario> = {}): Scenario => ({ ...defaultScenario(), evacuees: 2, ...patch });

describe('two evacuations at once', () => {
  it('starts with inst-C on host1 on the other physnet2 VF, with its own port', () => {
    const w = initialWorld(2);
    expect(w.db.instances['inst-C']).toMatchObject({ host: 'host1', pciDevices: [{ host: 'host1', address: '0000:03:00.1' }] });
    expect(w.db.pciDevices.host1!['0000:03:00.1']).toMatchObject({ status: 'allocated', instanceUuid: 'inst-C' });
    expect(w.db.pciDevices.host1!['0000:03:00.0']!.status).toBe('unavailable');
    expect(w.db.ports['port-C']).toMatchObject({ instanceUuid: 'inst-C', bindingHost: 'host1', pciSlot: '0000:03:00.1' });
    expect(w.hosts.host1!.tracker.allocations).toEqual({ 'inst-A': ['0000:02:00.1'], 'inst-C': ['0000:03:00.1'] });
    expect(simulate(two({ migDelay: 0 })).violations).toEqual([]);
  });

  it('evacuates inst-C one API call after inst-A: its migration second, its claim dbLatency later, on its own thread', () => {
    const trace = simulate(two());
    const second = trace.steps.filter((s) => s.thread === 'evacuation-2');
    expect(second.map((s) => s.name).slice(0, 3)).toEqual(['evacuate', 'rebuild_instance (conductor)', 'wait for lock']);
    const firstApi = trace.steps.find((s) => s.thread === 'api' && s.name === 'evacuate')!;
    expect(second[0]!.start).toBe(firstApi.end);
    const claims = trace.facts.filter((f) => f.type === 'claim');
    expect(claims.map((f) => [f.uuid, f.migrationId, f.addresses])).toEqual([
      ['inst-A', 1, ['0000:02:00.1']],
      ['inst-C', 2, ['0000:03:00.1']],
    ]);
    // Both casts wait behind host1's periodic for the shared lock, in the order they asked.
    const claimSteps = trace.steps.filter((s) => s.kind === 'claim');
    expect(claimSteps.map((s) => s.thread)).toEqual(['evacuation', 'evacuation-2']);
  });

  it('in the Nova test both evacuees lose their VF by bug #1896463; the fix keeps both', () => {
    const buggy = simulate(two()).verdict as PciVerdict;
    expect(buggy).toMatchObject({ verdict: 'lost', bugReproduced: true, mechanism: 'stale-snapshots', lostInstances: ['inst-A', 'inst-C'] });
    expect(buggy.pciAllocated).toEqual({ host1: 1, host2: 0 });
    expect(buggy.evacuees!.map((e) => [e.uuid, e.verdict, e.pciAllocated.host2, e.instanceHost])).toEqual([
      ['inst-A', 'lost', 0, 'host2'],
      ['inst-C', 'lost', 0, 'host2'],
    ]);
    expect(buggy.reason).toMatch(/^inst-A and inst-C lost their allocations; inst-A: host2's periodic read the instance list/);
    const fixed = simulate(two({ fix: true })).verdict as PciVerdict;
    expect(fixed).toMatchObject({ verdict: 'kept', allocationLost: false, lostInstances: [] });
    expect(fixed.evacuees!.map((e) => e.pciAllocated)).toEqual([{ host1: 1, host2: 1 }, { host1: 1, host2: 1 }]);
  });

  it('can lose only the second: its host save comes just after the periodic read the instance list', () => {
    const trace = simulate(two({ spawn: 10, dropDelay: 0 }));
    const verdict = trace.verdict as PciVerdict;
    expect(verdict).toMatchObject({ verdict: 'lost', mechanism: 'stale-snapshots', lostInstances: ['inst-C'] });
    // pciAllocated stays inst-A's, as with one evacuee; the moments and the reason are inst-C's.
    expect(verdict.pciAllocated).toEqual({ host1: 1, host2: 1 });
    expect(verdict.times.freed).toMatchObject({ address: '0000:03:00.1' });
    expect(verdict.reason).toMatch(/^inst-C lost its allocation: .* clean_usage freed 0000:03:00\.1/);
    expect(trace.steps[verdict.times.hostSaved!.step]!.thread).toBe('evacuation-2');
  });

  it('a new boot after the race gets a freed VF; with both VFs kept it finds none', () => {
    const lost = simulate(two({ bootAt: 6000 })).facts.filter((f) => f.type === 'claim' && f.uuid === 'inst-B');
    expect(lost).toMatchObject([{ ok: true, addresses: ['0000:02:00.1'] }]);
    const kept = simulate(two({ bootAt: 6000, fix: true })).facts.filter((f) => f.type === 'claim' && f.uuid === 'inst-B');
    expect(kept).toMatchObject([{ ok: false }]);
  });

  it('with one evacuee nothing changes: no per-evacuee fields, the same trace', () => {
    const one = simulate(defaultScenario());
    expect(one.verdict).not.toHaveProperty('evacuees');
    expect(one.verdict).not.toHaveProperty('lostInstances');
    expect(simulate({ ...defaultScenario(), evacuees: 1 }).traceHash).toBe(one.traceHash);
    expect(one.steps.some((s) => s.thread === 'evacuation-2')).toBe(false);
  });

  it('the fast path agrees with the full simulation', () => {
    for (const s of [two(), two({ fix: true }), two({ spawn: 10, dropDelay: 0 }), two({ preset: 'production', jitter: 200, seed: 3, bootAt: 500 })]) {
      const { reason: _reason, ...full } = simulate(s).verdict;
      expect(simulateOutcome(s)).toEqual(full);
    }
  });
});
