/**
 * Small hand-made programs for the explorer's tests: threads of steps that
 * touch what they declare and append their tag to a log kept in inst-A's
 * name (so a schedule's order can be read off its final world), and locks.
 */
import type { ActorSpec, Op } from '../engine/types';
import { touches } from '../footprint';
import type { World } from '../types';
import { initialWorld, updateInstance } from '../world';
import type { RunConfig } from './estimate';

export const LIMITS = { maxTime: 1e9, maxSteps: 1000 };

/** A step that appends `tag` to the log, and touches what it declares. */
export function step(tag: string, footprint: { reads?: string[]; writes?: string[] }): Op {
  return {
    type: 'step',
    spec: {
      lane: 'api', host: null, name: tag, nova: 'lock', duration: 1, footprint: touches(footprint),
      apply: (w: World) => ({ world: updateInstance(w, 'inst-A', { name: `${w.db.instances['inst-A']!.name},${tag}` }), label: () => tag }),
    },
  };
}

export const acquire = (lock: string): Op => ({ type: 'acquire', lock, lane: 'api', host: null });
export const release = (lock: string): Op => ({ type: 'release', lock });

/** Fresh threads running `programs`, one each, in this order. */
export function threads(...programs: Op[][]): () => ActorSpec[] {
  return () => programs.map((ops, i) => ({ id: `t${i}`, startAt: 0, run: function* () { yield* ops; } }));
}

/** The same, with the world and limits the explorer needs. */
export function program(...programs: Op[][]): RunConfig {
  return { world: initialWorld(), limits: LIMITS, actors: threads(...programs) };
}
