import { describe, expect, it } from 'vitest';
import { NO_FOOTPRINT } from '../footprint';
import type { Lane, World } from '../types';
import { initialWorld, updateInstance } from '../world';
import { type EngineOptions, runEngine } from './engine';
import { FullRecorder, OutcomeRecorder } from './recorder';
import { timedScheduler, untimedScheduler } from './scheduler';
import type { ActorSpec, Op, Program } from './types';

const LIMITS = { maxTime: 1_000_000, maxSteps: 1000 };

/** A step that appends `tag` to the evacuee's name, so the order of effects is visible in the world. */
function mark(lane: Lane, tag: string, duration: number, sleep = false): Op {
  return {
    type: 'step',
    spec: {
      lane, host: null, name: tag, nova: 'lock', duration, sleep, footprint: NO_FOOTPRINT,
      apply: (w: World) => ({ world: updateInstance(w, 'inst-A', { name: `${w.db.instances['inst-A']!.name}>${tag}` }), label: () => tag }),
    },
  };
}

const acquire = (lock: string, lane: Lane): Op => ({ type: 'acquire', lock, lane, host: null });
const release = (lock: string): Op => ({ type: 'release', lock });

function actor(id: string, startAt: number, ops: () => Generator<Op, void, void>): ActorSpec {
  return { id, startAt, run: (): Program => ops() };
}

function run(actors: readonly ActorSpec[], options: Partial<EngineOptions> = {}) {
  const recorder = new FullRecorder(initialWorld());
  const result = runEngine({
    world: initialWorld(), jitter: 0, seed: 1, limits: LIMITS, scheduler: timedScheduler, recorder, actors, ...options,
  });
  return { ...result, steps: recorder.steps, states: recorder.states };
}

function effects(world: World): string {
  return world.db.instances['inst-A']!.name.replace(/^[^>]*/, '');
}

describe('runEngine', () => {
  it('applies a step at its end and records steps in the order their effects land', () => {
    const result = run([
      actor('slow', 0, function* () { yield mark('api', 'slow', 30); }),
      actor('fast', 5, function* () { yield mark('evacuation', 'fast', 10); }),
    ]);
    expect(result.steps.map((s) => [s.name, s.start, s.end])).toEqual([['fast', 5, 15], ['slow', 0, 30]]);
    expect(effects(result.world)).toBe('>fast>slow');
    expect(result.states).toHaveLength(3);
    expect(result.states[2]).toBe(result.world);
  });

  it('breaks ties in virtual time by actor order', () => {
    const result = run([
      actor('first', 0, function* () { yield mark('api', 'first', 10); }),
      actor('second', 0, function* () { yield mark('evacuation', 'second', 10); }),
    ]);
    expect(effects(result.world)).toBe('>first>second');
  });

  it('runs a lock hand-over before a lower-order thread whose step ends at the same instant', () => {
    // `holder` (order 0) releases at t=10 and hands the lock to `waiter` (order 2).
    // `other` (order 1) has a step that also ends at t=10. Hand-overs go first:
    // the waiter resumes and records its wait before `other`'s step lands.
    // Under plain actor order, `other` would come first.
    const result = run([
      actor('holder', 0, function* () {
        yield acquire('L', 'periodic-host1');
        yield mark('periodic-host1', 'holder', 10);
        yield release('L');
      }),
      actor('other', 0, function* () { yield mark('api', 'other', 10); }),
      actor('waiter', 1, function* () {
        yield acquire('L', 'evacuation');
        yield mark('evacuation', 'waiter', 0);
        yield release('L');
      }),
    ]);
    expect(result.steps.map((s) => s.name)).toEqual(['holder', 'wait for lock', 'other', 'waiter']);
    const waited = result.steps[1]!;
    expect([waited.thread, waited.start, waited.end]).toEqual(['evacuation', 1, 10]);
  });

  it('queues a thread that asks for a lock at the instant it is released behind the waiters', () => {
    const result = run([
      // Actor 0 asks at t=10, exactly when the holder releases: it must queue behind the waiter.
      actor('late', 10, function* () {
        yield acquire('L', 'api');
        yield mark('api', 'late', 1);
        yield release('L');
      }),
      actor('holder', 0, function* () {
        yield acquire('L', 'periodic-host1');
        yield mark('periodic-host1', 'holder', 10);
        yield release('L');
      }),
      actor('waiter', 2, function* () {
        yield acquire('L', 'evacuation');
        yield mark('evacuation', 'waiter', 1);
        yield release('L');
      }),
    ]);
    expect(effects(result.world)).toBe('>holder>waiter>late');
    const waits = result.steps.filter((s) => s.lock === 'waited').map((s) => [s.thread, s.start, s.end]);
    expect(waits).toEqual([['evacuation', 2, 10], ['api', 10, 11]]);
    expect(result.steps.find((s) => s.name === 'waiter')).toMatchObject({ lock: 'held', lockName: 'L' });
    expect(result.lockSpans.map((s) => [s.thread, s.requestedAt, s.acquiredAt, s.releasedAt])).toEqual([
      ['periodic-host1', 0, 0, 10], ['evacuation', 2, 10, 11], ['api', 10, 11, 12],
    ]);
  });

  it('adds seeded jitter to steps but not to injected sleeps', () => {
    const jittered = (seed: number) =>
      run([actor('a', 0, function* () { yield mark('api', 'work', 10); yield mark('api', 'nap', 50, true); })], { jitter: 100, seed });
    const a = jittered(7);
    const b = jittered(7);
    const c = jittered(8);
    expect(a.steps.map((s) => s.end)).toEqual(b.steps.map((s) => s.end));
    expect(a.steps[0]!.end).not.toBe(c.steps[0]!.end);
    expect(a.steps[0]!.end).toBeGreaterThanOrEqual(10);
    expect(a.steps[0]!.end).toBeLessThanOrEqual(110);
    expect(a.steps[1]!.end - a.steps[1]!.start).toBe(50);
  });

  it('stops at the step limit and at the time limit with a message', () => {
    const forever = actor('loop', 0, function* () { for (;;) yield mark('api', 'tick', 10); });
    const bySteps = run([forever], { limits: { maxTime: 1e9, maxSteps: 5 } });
    expect(bySteps.steps).toHaveLength(5);
    expect(bySteps.stopped?.limit).toBe('steps');
    const byTime = run([forever], { limits: { maxTime: 35, maxSteps: 1000 } });
    expect(byTime.steps.map((s) => s.end)).toEqual([10, 20, 30]);
    expect(byTime.stopped?.limit).toBe('time');
    expect(byTime.stopped?.message).toMatch(/35 ms/);
  });

  it('lets an actor stop the whole simulation', () => {
    const result = run([{ id: 's', startAt: 0, run: (ctx) => (function* (): Program {
      yield mark('api', 'one', 1);
      ctx.stop({ limit: 'periodic-runs', message: 'enough' });
      yield mark('api', 'two', 1);
    })() }]);
    expect(result.steps.map((s) => s.name)).toEqual(['one']);
    expect(result.stopped).toEqual({ limit: 'periodic-runs', message: 'enough' });
  });

  it('stamps the facts a step emits with its index, time and thread', () => {
    const result = run([actor('a', 0, function* () {
      yield mark('api', 'first', 3);
      yield {
        type: 'step',
        spec: {
          lane: 'evacuation', host: 'host2', name: 'save', nova: 'lock', duration: 4, footprint: NO_FOOTPRINT,
          apply: (w: World) => ({ world: w, label: () => 'save', facts: [{ type: 'instance-host', uuid: 'inst-A', from: 'host1', to: 'host2' }] }),
        },
      };
    })]);
    expect(result.facts).toEqual([{ type: 'instance-host', uuid: 'inst-A', from: 'host1', to: 'host2', step: 1, time: 7, thread: 'evacuation' }]);
  });

  it('stamps a draft in place, so a step handing the same draft twice is a programming error it reports', () => {
    const shared = { type: 'instance-host' as const, uuid: 'inst-A', from: 'host1' as const, to: 'host2' as const };
    const save = (): Op => ({
      type: 'step',
      spec: { lane: 'evacuation', host: 'host2', name: 'save', nova: 'lock', duration: 1, footprint: NO_FOOTPRINT, apply: (w: World) => ({ world: w, label: () => 'save', facts: [shared] }) },
    });
    expect(() => run([actor('a', 0, function* () {
      yield save();
      yield save();
    })])).toThrow('the same instance-host fact was handed to the engine twice');
  });

  it('keeps the same world and facts whatever the recorder keeps', () => {
    const actors = [
      actor('a', 0, function* () { yield acquire('L', 'api'); yield mark('api', 'a', 5); yield release('L'); }),
      actor('b', 1, function* () { yield acquire('L', 'evacuation'); yield mark('evacuation', 'b', 5); yield release('L'); }),
    ];
    const full = run(actors);
    const counter = new OutcomeRecorder();
    const lean = runEngine({ world: initialWorld(), jitter: 0, seed: 1, limits: LIMITS, scheduler: timedScheduler, recorder: counter, actors });
    expect(effects(lean.world)).toBe(effects(full.world));
    expect(lean.lockSpans).toEqual(full.lockSpans);
    expect(counter.size).toBe(full.steps.length);
  });
});

describe('runEngine with an untimed scheduler', () => {
  const two = () => [
    actor('a', 50, function* () { yield mark('api', 'a1', 100); yield mark('api', 'nap', 1000, true); yield mark('api', 'a2', 100); }),
    actor('b', 0, function* () { yield mark('evacuation', 'b1', 1); }),
  ];

  it('lets the scheduler choose any ready thread, ignores durations and skips sleeps', () => {
    // Always run the highest-numbered ready thread: b goes first, because time does not count.
    const result = run(two(), { scheduler: untimedScheduler((threads) => threads[threads.length - 1]!) });
    expect(effects(result.world)).toBe('>b1>a1>a2');
    expect(result.steps.map((s) => s.name)).toEqual(['b1', 'a1', 'a2']);
    // Time is step order.
    expect(result.steps.map((s) => [s.start, s.end])).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(result.endTime).toBe(3);
  });

  it('runs another order when the choice changes, and stops when the scheduler says so', () => {
    const lowest = run(two(), { scheduler: untimedScheduler((threads) => threads[0]!) });
    expect(effects(lowest.world)).toBe('>a1>a2>b1');
    const stopped = run(two(), { scheduler: untimedScheduler((threads) => (threads.includes(1) ? 1 : null)) });
    expect(effects(stopped.world)).toBe('>b1');
  });

  it('keeps the fair lock: a waiter is not ready until the lock is handed to it', () => {
    const seen: number[][] = [];
    const script = [0, 1, 0, 1, 1];
    const result = run(
      [
        actor('holder', 0, function* () { yield acquire('L', 'api'); yield mark('api', 'h', 5); yield release('L'); }),
        actor('waiter', 0, function* () { yield acquire('L', 'evacuation'); yield mark('evacuation', 'w', 5); yield release('L'); }),
      ],
      { scheduler: untimedScheduler((threads) => { seen.push([...threads]); return script[seen.length - 1] ?? null; }) },
    );
    expect(effects(result.world)).toBe('>h>w');
    // The holder takes L; the waiter queues and is not ready until the release hands L to it.
    expect(seen).toEqual([[0, 1], [0, 1], [0], [1], [1]]);
    expect(result.steps.map((s) => s.name)).toEqual(['h', 'wait for lock', 'w']);
  });
});

describe('runEngine with a thread that waits for a condition', () => {
  const waitFor = (tag: string): Op => ({
    type: 'waitUntil',
    holds: (w: World) => w.db.instances['inst-A']!.name.includes(`>${tag}`),
    footprint: { reads: ['instance:inst-A'], writes: [] },
  });
  const pair = () => [
    actor('writer', 0, function* () { yield mark('api', 'w1', 100); yield mark('api', 'w2', 100); }),
    actor('waiter', 0, function* () { yield mark('evacuation', 'early', 10); yield waitFor('w2'); yield mark('evacuation', 'late', 5); }),
  ];

  it('resumes the waiter at the instant the condition comes true, off the clock until then', () => {
    const result = run(pair());
    expect(effects(result.world)).toBe('>early>w1>w2>late');
    const late = result.steps.find((s) => s.name === 'late')!;
    expect([late.start, late.end]).toEqual([200, 205]);
  });

  it('does not wait when the condition already holds', () => {
    const result = run([actor('solo', 0, function* () { yield mark('api', 'w2', 10); yield waitFor('w2'); yield mark('api', 'after', 1); })]);
    expect(result.steps.map((s) => [s.name, s.end])).toEqual([['w2', 10], ['after', 11]]);
  });

  it('untimed, the waiter is not ready until the write that makes it true, which enables it', () => {
    const seen: number[][] = [];
    const enablers: (number | null)[] = [];
    run(pair(), {
      scheduler: untimedScheduler((threads) => { seen.push([...threads]); return threads[threads.length - 1]!; }),
      onTransition: (thread, _footprint, enabledBy) => { if (thread === 1) enablers.push(enabledBy); },
    });
    // The waiter runs 'early', then blocks: only the writer is ready until w2 lands.
    expect(seen).toEqual([[0, 1], [0], [0], [1], [1]]);
    // Its resume was made ready by the writer's second transition (the third of the run).
    expect(enablers).toEqual([null, 2, null]);
  });
});
