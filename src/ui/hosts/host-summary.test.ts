import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../model/scenario';
import { simulate } from '../../model/simulate';
import { hostSummary, serviceText } from './host-summary';

const buggy = simulate(defaultScenario());
const at = (i: number) => buggy.states[i + 1]!;
const before = (i: number) => buggy.states[i]!;

describe('hostSummary', () => {
  it('shows host1 forced down, still running inst-A with its VF, counted once by the Nova test', () => {
    const s = hostSummary(at(0), before(0), 'host1');
    expect(s.serviceText).toBe('down (forced down)');
    expect(s.up).toBe(false);
    expect(s.guests).toEqual([{ uuid: 'inst-A', devices: ['0000:02:00.1'], changed: false }]);
    expect(s.pools).toEqual([
      { physnet: 'physnet1', free: 1, total: 1, changed: false },
      { physnet: 'physnet2', free: 1, total: 2, changed: false },
    ]);
    expect(s.novaCount).toBe(1);
    expect(s.novaCountBad).toBe(false);
  });

  it('sees the guest arrive on host2 at the rebuild and the count drop at the save', () => {
    const spawn = buggy.steps.find((s) => s.nova === 'spawn')!;
    const arrived = hostSummary(at(spawn.index), before(spawn.index), 'host2');
    expect(arrived.guests).toEqual([{ uuid: 'inst-A', devices: ['0000:02:00.1'], changed: true }]);
    expect(arrived.novaCount).toBe(1);

    const last = buggy.steps.length - 1;
    const saved = hostSummary(at(last), before(last), 'host2');
    expect(saved.novaCount).toBe(0);
    expect(saved.novaCountChanged).toBe(true);
    expect(saved.novaCountBad).toBe(true);
    expect(hostSummary(at(0), before(0), 'host2').novaCountBad).toBe(false);
    expect(saved.guests.map((g) => g.uuid)).toEqual(['inst-A']);
    expect(saved.pools.find((p) => p.physnet === 'physnet2')?.free).toBe(2);
  });

  it('lists guests that left at the step', () => {
    const trace = simulate({ ...defaultScenario(), host1UpAt: 8000 });
    const destroy = trace.steps.find((s) => s.name === 'driver.destroy')!;
    const s = hostSummary(trace.states[destroy.index + 1]!, trace.states[destroy.index]!, 'host1');
    expect(s.guests).toEqual([]);
    expect(s.goneGuests).toEqual(['inst-A']);
    expect(s.serviceText).toBe('up');
  });

  it('words the service state', () => {
    expect(serviceText({ up: true, forcedDown: false })).toBe('up');
    expect(serviceText({ up: false, forcedDown: false })).toBe('down');
  });
});
