/**
 * A discrete-event scheduler for green threads, as eventlet runs Nova's: a
 * thread runs until it does I/O, sleeps or waits for a lock, so each step is
 * atomic. Threads are generators that yield operations; virtual time is in
 * milliseconds.
 *
 * Ordering rules (they make every run deterministic):
 * 1. A step's effect happens at its end; its duration is the time before.
 * 2. Events at the same virtual time run in this order: lock hand-overs
 *    first, then by actor order (the order of `actors`: API/evacuation,
 *    periodics, boot, host1 restart), then first scheduled first.
 * 3. Jitter draws from one seeded PRNG, in the order steps start.
 */
import { diffWorld } from './diff';
import { FairLock } from './fair-lock';
import { createRng } from './rng';
import type {
  HostName,
  Lane,
  LockSpan,
  SimulationStop,
  StepKind,
  TraceStep,
  World,
} from './types';

/** What a step did: the new world and the words for the trace. */
export interface Effect {
  readonly world: World;
  readonly label: string;
  readonly read?: string | null;
  /** For the 2nd, 3rd, ... effect of one atomic step (zero-length sub-steps such as `pci-freed`). */
  readonly name?: string;
  readonly kind?: StepKind | null;
  readonly address?: string | null;
  readonly nova?: string;
}

export interface StepSpec {
  readonly lane: Lane;
  readonly host: HostName | null;
  readonly name: string;
  readonly nova: string;
  readonly duration: number;
  readonly kind?: StepKind;
  /** An injected sleep: no jitter. */
  readonly sleep?: boolean;
  readonly apply: (w: World, now: number) => Effect | readonly Effect[];
}

export type Op =
  | { readonly type: 'step'; readonly spec: StepSpec }
  | { readonly type: 'acquire'; readonly lock: string; readonly lane: Lane; readonly host: HostName | null }
  | { readonly type: 'release'; readonly lock: string }
  | { readonly type: 'idleUntil'; readonly time: number };

export type Program = Generator<Op, void, void>;

export interface ActorContext {
  /** The world as the thread sees it when it resumes. */
  readonly world: World;
  readonly now: number;
  /** Stop the whole simulation because a model limit was reached. */
  stop(stop: SimulationStop): void;
}

export interface ActorSpec {
  readonly id: string;
  readonly startAt: number;
  readonly run: (ctx: ActorContext) => Program;
}

export interface EngineLimits {
  readonly maxTime: number;
  readonly maxSteps: number;
}

export interface EngineOptions {
  readonly world: World;
  /** In tie-break order. */
  readonly actors: readonly ActorSpec[];
  readonly jitter: number;
  readonly seed: number;
  readonly limits: EngineLimits;
  /** Called after every recorded step with the worlds around it. */
  readonly observe?: (step: TraceStep, before: World, after: World) => void;
}

export interface EngineResult {
  readonly steps: TraceStep[];
  readonly states: World[];
  readonly lockSpans: LockSpan[];
  readonly stopped: SimulationStop | null;
  readonly endTime: number;
}

type Pending =
  | { readonly kind: 'step'; readonly spec: StepSpec; readonly start: number }
  | { readonly kind: 'wait'; readonly op: Extract<Op, { type: 'acquire' }>; readonly since: number; readonly heldBy: Lane | null }
  | { readonly kind: 'idle' };

interface Actor {
  readonly order: number;
  readonly gen: Program;
  pending: Pending | null;
  /** Locks held, innermost last, with the index of their open span. */
  readonly held: { lock: string; span: number }[];
  lane: Lane | null;
}

interface QueuedEvent {
  readonly time: number;
  readonly priority: number;
  readonly actor: Actor;
  readonly seq: number;
}

const HANDOVER = 0;
const NORMAL = 1;

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.actor.order !== b.actor.order) return a.actor.order < b.actor.order;
  return a.seq < b.seq;
}

/**
 * Run the actors to completion (or to a limit).
 *
 * @example runEngine({ world, actors, jitter: 0, seed: 1, limits }).steps
 */
export function runEngine(options: EngineOptions): EngineResult {
  const rng = createRng(options.seed);
  const steps: TraceStep[] = [];
  const states: World[] = [options.world];
  const spans: { -readonly [K in keyof LockSpan]: LockSpan[K] }[] = [];
  const locks = new Map<string, FairLock<Actor>>();
  const events: QueuedEvent[] = [];
  let world = options.world;
  let now = 0;
  let seq = 0;
  let stopped: SimulationStop | null = null;

  const context: ActorContext = {
    get world() {
      return world;
    },
    get now() {
      return now;
    },
    stop(stop) {
      stopped ??= stop;
    },
  };

  const schedule = (actor: Actor, time: number, priority: number): void => {
    events.push({ time, priority, actor, seq: seq++ });
  };

  const popNext = (): QueuedEvent | undefined => {
    let best = 0;
    for (let i = 1; i < events.length; i++) {
      if (before(events[i]!, events[best]!)) best = i;
    }
    return events.splice(best, 1)[0];
  };

  const lockNamed = (name: string): FairLock<Actor> => {
    let lock = locks.get(name);
    if (!lock) {
      lock = new FairLock<Actor>(name);
      locks.set(name, lock);
    }
    return lock;
  };

  const record = (
    step: Omit<TraceStep, 'index' | 'changes'>,
    next: World,
  ): void => {
    const prev = world;
    // Built field by field rather than spread: this runs for every step.
    const full: TraceStep = {
      index: steps.length,
      thread: step.thread,
      host: step.host,
      name: step.name,
      label: step.label,
      start: step.start,
      end: step.end,
      lock: step.lock,
      lockName: step.lockName,
      kind: step.kind,
      address: step.address,
      sleep: step.sleep,
      nova: step.nova,
      read: step.read,
      changes: diffWorld(prev, next),
    };
    steps.push(full);
    world = next;
    states.push(next);
    options.observe?.(full, prev, next);
    if (steps.length >= options.limits.maxSteps) {
      stopped ??= {
        limit: 'steps',
        message: `The simulation stopped after ${options.limits.maxSteps} steps (the model's limit).`,
      };
    }
  };

  const completeStep = (actor: Actor, spec: StepSpec, start: number): void => {
    const result = spec.apply(world, now);
    const effects: readonly Effect[] = Array.isArray(result) ? result : [result as Effect];
    const innermost = actor.held[actor.held.length - 1];
    effects.forEach((effect, i) => {
      record(
        {
          thread: spec.lane,
          host: spec.host,
          name: effect.name ?? spec.name,
          label: effect.label,
          start: i === 0 ? start : now,
          end: now,
          lock: innermost ? 'held' : 'none',
          lockName: innermost ? innermost.lock : null,
          kind: effect.kind !== undefined ? effect.kind : (spec.kind ?? null),
          address: effect.address ?? null,
          sleep: spec.sleep === true,
          nova: effect.nova ?? spec.nova,
          read: effect.read ?? null,
        },
        effect.world,
      );
    });
  };

  const openSpan = (actor: Actor, lock: string, lane: Lane, requestedAt: number): void => {
    spans.push({ lock, thread: lane, requestedAt, acquiredAt: now, releasedAt: null });
    actor.held.push({ lock, span: spans.length - 1 });
  };

  const advance = (actor: Actor): void => {
    while (stopped === null) {
      const next = actor.gen.next();
      if (next.done) return;
      const op = next.value;
      switch (op.type) {
        case 'step': {
          actor.lane = op.spec.lane;
          const extra = op.spec.sleep || options.jitter <= 0 ? 0 : Math.floor(rng() * (options.jitter + 1));
          actor.pending = { kind: 'step', spec: op.spec, start: now };
          schedule(actor, now + Math.max(0, op.spec.duration) + extra, NORMAL);
          return;
        }
        case 'acquire': {
          actor.lane = op.lane;
          const lock = lockNamed(op.lock);
          const holder = lock.holder;
          if (lock.acquire(actor, now)) {
            openSpan(actor, op.lock, op.lane, now);
            continue;
          }
          actor.pending = { kind: 'wait', op, since: now, heldBy: holder?.lane ?? null };
          return;
        }
        case 'release': {
          const lock = lockNamed(op.lock);
          const handed = lock.release(actor);
          const index = actor.held.findIndex((h) => h.lock === op.lock);
          const [released] = actor.held.splice(index, 1);
          if (released) spans[released.span]!.releasedAt = now;
          if (handed) schedule(handed.holder, now, HANDOVER);
          continue;
        }
        case 'idleUntil':
          actor.pending = { kind: 'idle' };
          schedule(actor, Math.max(now, op.time), NORMAL);
          return;
      }
    }
  };

  const resume = (actor: Actor): void => {
    const pending = actor.pending;
    actor.pending = null;
    if (pending?.kind === 'step') completeStep(actor, pending.spec, pending.start);
    if (pending?.kind === 'wait') {
      const { op, since, heldBy } = pending;
      openSpan(actor, op.lock, op.lane, since);
      if (now > since) {
        record(
          {
            thread: op.lane,
            host: op.host,
            name: 'wait for lock',
            label: `waited ${now - since} ms for ${op.lock}${heldBy ? ` (held by ${heldBy})` : ''}`,
            start: since,
            end: now,
            lock: 'waited',
            lockName: op.lock,
            kind: null,
            address: null,
            sleep: false,
            nova: 'lock',
            read: null,
          },
          world,
        );
      }
    }
    if (stopped === null) advance(actor);
  };

  options.actors.forEach((spec, order) => {
    const actor: Actor = { order, gen: spec.run(context), pending: { kind: 'idle' }, held: [], lane: null };
    schedule(actor, spec.startAt, NORMAL);
  });

  while (stopped === null) {
    const event = popNext();
    if (!event) break;
    if (event.time > options.limits.maxTime) {
      stopped = {
        limit: 'time',
        message: `The simulation stopped at the model's limit of ${options.limits.maxTime} ms of virtual time.`,
      };
      break;
    }
    now = event.time;
    resume(event.actor);
  }

  return { steps, states, lockSpans: spans, stopped, endTime: now };
}
