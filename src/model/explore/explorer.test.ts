/**
 * The explorer on small programs whose interleavings and Mazurkiewicz traces
 * are counted by hand. A thread's transitions: its first step (or its first
 * lock, taken as a transition of its own), then each further step, with the
 * lock operations that follow a step belonging to it.
 */
import { describe, expect, it } from 'vitest';
import type { ActorSpec } from '../engine/types';
import { initialWorld } from '../world';
import { type Execution, explore, type Reduction } from './explorer';
import { acquire, LIMITS, release, step, threads } from './test-programs';

function run(actors: () => ActorSpec[], reduction: Reduction) {
  const logs: string[] = [];
  const executions: Execution[] = [];
  const stats = explore({ world: initialWorld(), actors, limits: LIMITS, reduction, maxSchedules: 1e6 }, (e) => {
    executions.push(e);
    logs.push(e.result.world.db.instances['inst-A']!.name.split(',').slice(1).join(' '));
  });
  return { stats, logs, executions };
}

describe('explore', () => {
  it('two threads of two independent steps: 6 interleavings, 1 Mazurkiewicz trace', () => {
    const program = threads([step('a1', { writes: ['x'] }), step('a2', { writes: ['x'] })], [step('b1', { writes: ['y'] }), step('b2', { writes: ['y'] })]);
    const none = run(program, 'none');
    expect(none.stats).toEqual({ schedules: 6, redundant: 0, complete: true });
    expect(new Set(none.logs).size).toBe(6);
    const dpor = run(program, 'dpor');
    expect(dpor.stats.schedules).toBe(1);
    expect(dpor.stats.complete).toBe(true);
  });

  it('a read/write conflict and an independent step each: 6 interleavings, 2 traces (read before or after the write)', () => {
    const program = threads([step('r', { reads: ['x'] }), step('a', { writes: ['p'] })], [step('w', { writes: ['x'] }), step('b', { writes: ['q'] })]);
    expect(run(program, 'none').stats.schedules).toBe(6);
    const dpor = run(program, 'dpor');
    expect(dpor.stats.schedules).toBe(2);
    const order = dpor.logs.map((log) => (log.indexOf('r') < log.indexOf('w') ? 'read first' : 'write first'));
    expect(new Set(order)).toEqual(new Set(['read first', 'write first']));
  });

  it('a shared fair lock: 4 interleavings, each its own trace', () => {
    // A takes L first and releases it before B asks; or B asks while A holds it, queues, and is handed L;
    // and the same two with B first. Taking a free lock and being handed it are different events.
    const program = threads([acquire('L'), step('a', { writes: ['x'] }), release('L')], [acquire('L'), step('b', { writes: ['y'] }), release('L')]);
    const none = run(program, 'none');
    expect(none.stats.schedules).toBe(4);
    expect(new Set(none.logs)).toEqual(new Set(['a b', 'b a']));
    const dpor = run(program, 'dpor');
    expect(dpor.stats.schedules).toBe(4);
    expect(new Set(dpor.logs)).toEqual(new Set(['a b', 'b a']));
  });

  it('three threads, two sharing a lock and a free one: the free one does not multiply the traces', () => {
    const program = threads(
      [acquire('L'), step('a', { writes: ['x'] }), release('L')],
      [acquire('L'), step('b', { writes: ['y'] }), release('L')],
      [step('c1', { writes: ['z'] }), step('c2', { writes: ['z'] })],
    );
    const none = run(program, 'none');
    const dpor = run(program, 'dpor');
    expect(dpor.stats.schedules).toBe(4);
    expect(none.stats.schedules).toBeGreaterThan(4 * 10);
    expect(new Set(dpor.logs.map((l) => l.replace(/ ?c\d/g, '')))).toEqual(new Set(['a b', 'b a']));
  });

  it('gives every schedule its choices, steps and context switches, and replays them', () => {
    const program = threads([step('a1', { writes: ['x'] }), step('a2', { writes: ['x'] })], [step('b1', { reads: ['x'] })]);
    const { executions } = run(program, 'none');
    expect(executions).toHaveLength(3);
    for (const e of executions) {
      expect(e.choices).toHaveLength(3);
      expect(e.steps).toBe(3);
      let switches = 0;
      for (let i = 1; i < e.choices.length; i++) if (e.choices[i] !== e.choices[i - 1]) switches++;
      expect(e.contextSwitches).toBe(switches);
    }
    expect(executions.map((e) => e.choices.join(''))).toEqual(['001', '010', '100']);
  });

  it('stops at its budget and says it was cut short', () => {
    const program = threads([step('a1', { writes: ['x'] }), step('a2', { writes: ['x'] })], [step('b1', { writes: ['x'] }), step('b2', { writes: ['x'] })]);
    expect(run(program, 'dpor').stats.schedules).toBe(6);
    const cut = explore({ world: initialWorld(), actors: program, limits: LIMITS, reduction: 'dpor', maxSchedules: 2 }, () => {});
    expect(cut).toMatchObject({ schedules: 2, complete: false });
    let asked = 0;
    const stopped = explore({ world: initialWorld(), actors: program, limits: LIMITS, reduction: 'none', maxSchedules: 1e6, shouldStop: () => ++asked >= 3 }, () => {});
    expect(stopped).toMatchObject({ schedules: 3, complete: false });
  });
});
