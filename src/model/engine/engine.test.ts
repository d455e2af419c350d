import { describe, expect, it } from 'vitest';
import { type ActorSpec, type Op, type Program, runEngine } from './engine';
import type { Lane, World } from './types';
import { initialWorld, updateInstance } from './world';

const LIMITS = { maxTime: 1_000_000, maxSteps: 1000 };

/** A step that marks the evacuee's name with `tag`, so effects are visible in the world. */
function mark(lane: Lane, tag: string, duration: number, sleep = false): Op {
  return {
    type: 'step',
    spec: {
      lane, host: null, name: tag, nova: 'lock', duration, sleep,
      apply: (w: World) => ({ world: updateInstance(w, 'inst-A', { name: `${w.db.instances['inst-A']!.name}>${tag}` }), label: tag }),
    },
  };
}

function actor(id: string, startAt: number, ops: () => Generator<Op, void, void>): ActorSpec {
  return { id, startAt, run: (): Program => ops() };
}

function finalName(result: ReturnType<typeof runEngine>): string {
  return result.states[result.states.length - 1]!.db.instances['inst-A']!.name.replace(/^[^>]*/, '');
}

describe('runEngine', () => {
  it('applies a step at its end and records steps in the order their effects land', () => {
    const result = runEngine({
      world: initialWorld(), jitter: 0, seed: 1, limits: LIMITS,
      actors: [
        actor('slow', 0, function* () { yield mark('api', 'slow', 30); }),
        actor('fast', 5, function* () { yield mark('evacuation', 'fast', 10); }),
      ],
    });
    expect(result.steps.map((s) => [s.name, s.start, s.end])).toEqual([['fast', 5, 15], ['slow', 0, 30]]);
    expect(finalName(result)).toBe('>fast>slow');
    expect(result.states).toHaveLength(3);
  });

  it('breaks ties in virtual time by actor order', () => {
    const result = runEngine({
      world: initialWorld(), jitter: 0, seed: 1, limits: LIMITS,
      actors: [
        actor('first', 0, function* () { yield mark('api', 'first', 10); }),
        actor('second', 0, function* () { yield mark('evacuation', 'second', 10); }),
      ],
    });
    expect(finalName(result)).toBe('>first>second');
  });

  it('hands a released lock to the head of the queue before anything else at that time', () => {
    const result = runEngine({
      world: initialWorld(), jitter: 0, seed: 1, limits: LIMITS,
      actors: [
        // Actor 0 asks at t=10, exactly when the holder releases: it must queue behind the waiter.
        actor('late', 10, function* () {
          yield { type: 'acquire', lock: 'L', lane: 'api', host: null };
          yield mark('api', 'late', 1);
          yield { type: 'release', lock: 'L' };
        }),
        actor('holder', 0, function* () {
          yield { type: 'acquire', lock: 'L', lane: 'periodic-host1', host: 'host1' };
          yield mark('periodic-host1', 'holder', 10);
          yield { type: 'release', lock: 'L' };
        }),
        actor('waiter', 2, function* () {
          yield { type: 'acquire', lock: 'L', lane: 'evacuation', host: 'host2' };
          yield mark('evacuation', 'waiter', 1);
          yield { type: 'release', lock: 'L' };
        }),
      ],
    });
    expect(finalName(result)).toBe('>holder>waiter>late');
    const waits = result.steps.filter((s) => s.lock === 'waited').map((s) => [s.thread, s.start, s.end]);
    expect(waits).toEqual([['evacuation', 2, 10], ['api', 10, 11]]);
    expect(result.steps.find((s) => s.name === 'waiter')).toMatchObject({ lock: 'held', lockName: 'L' });
    expect(result.lockSpans.map((s) => [s.thread, s.requestedAt, s.acquiredAt, s.releasedAt])).toEqual([
      ['periodic-host1', 0, 0, 10], ['evacuation', 2, 10, 11], ['api', 10, 11, 12],
    ]);
  });

  it('adds seeded jitter to steps but not to injected sleeps', () => {
    const run = (seed: number) => runEngine({
      world: initialWorld(), jitter: 100, seed, limits: LIMITS,
      actors: [actor('a', 0, function* () { yield mark('api', 'work', 10); yield mark('api', 'nap', 50, true); })],
    });
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(a.steps.map((s) => s.end)).toEqual(b.steps.map((s) => s.end));
    expect(a.steps[0]!.end).not.toBe(c.steps[0]!.end);
    expect(a.steps[0]!.end).toBeGreaterThanOrEqual(10);
    expect(a.steps[0]!.end).toBeLessThanOrEqual(110);
    expect(a.steps[1]!.end - a.steps[1]!.start).toBe(50);
  });

  it('stops at the step limit and at the time limit with a message', () => {
    const forever = actor('loop', 0, function* () { for (;;) yield mark('api', 'tick', 10); });
    const bySteps = runEngine({ world: initialWorld(), jitter: 0, seed: 1, limits: { maxTime: 1e9, maxSteps: 5 }, actors: [forever] });
    expect(bySteps.steps).toHaveLength(5);
    expect(bySteps.stopped?.limit).toBe('steps');
    const byTime = runEngine({ world: initialWorld(), jitter: 0, seed: 1, limits: { maxTime: 35, maxSteps: 1000 }, actors: [forever] });
    expect(byTime.steps.map((s) => s.end)).toEqual([10, 20, 30]);
    expect(byTime.stopped?.limit).toBe('time');
    expect(byTime.stopped?.message).toMatch(/35 ms/);
  });

  it('lets an actor stop the whole simulation', () => {
    const result = runEngine({
      world: initialWorld(), jitter: 0, seed: 1, limits: LIMITS,
      actors: [{ id: 's', startAt: 0, run: (ctx) => (function* (): Program {
        yield mark('api', 'one', 1);
        ctx.stop({ limit: 'periodic-runs', message: 'enough' });
        yield mark('api', 'two', 1);
      })() }],
    });
    expect(result.steps.map((s) => s.name)).toEqual(['one']);
    expect(result.stopped).toEqual({ limit: 'periodic-runs', message: 'enough' });
  });
});
