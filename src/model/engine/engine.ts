/**
 * Green threads, as eventlet runs Nova's: a thread runs until it does I/O,
 * sleeps or waits for a lock, so each step is atomic. Threads are generators
 * that yield operations (see `types.ts`).
 *
 * The engine is put together from parts with their own tests: the ready
 * events and their tie rule (`event-queue.ts`), the locks (`lock-table.ts`),
 * what is kept of each step (`recorder.ts`), the limits (`limits.ts`), and
 * the one open choice, which ready thread runs next (`scheduler.ts`).
 *
 * Rules that make every run deterministic:
 * 1. A step's effect happens at its end; its duration is the time before.
 * 2. The scheduler picks the next event: by virtual time and the tie rule
 *    (`simulate`), or as the schedule explorer chooses.
 * 3. Jitter draws from one seeded PRNG, in the order steps start.
 */
import type { Fact, FactDraft } from '../facts';
import { res } from '../footprint';
import type { Lane, LockSpan, SimulationStop, World } from '../types';
import { EventQueue, HANDOVER, NORMAL } from './event-queue';
import { type EngineLimits, stepLimitStop, timeLimitStop } from './limits';
import { LockTable } from './lock-table';
import type { TraceRecorder } from './recorder';
import { createRng } from './rng';
import type { Scheduler } from './scheduler';
import type { AcquireOp, ActorContext, ActorSpec, Effect, Footprint, Op, Program, StepSpec, WaitOp } from './types';

/**
 * Told about every transition: a thread (its actor order) resumed, ran until
 * it blocked again, and touched `footprint` on the way (the step it
 * completed, and `lock:<name>` for every lock it took, queued for or
 * released). `enabledBy` is the transition that made it ready when that was
 * another thread's (a lock handed over), else `null`; `declared` is the
 * completed step's declared footprint (which its actual one must fit in).
 * The schedule explorer builds its happens-before relation from these.
 */
export type TransitionObserver = (thread: number, footprint: Footprint, enabledBy: number | null, declared: Footprint | null) => void;

export interface EngineOptions {
  readonly world: World;
  /** In tie-break order. */
  readonly actors: readonly ActorSpec[];
  readonly jitter: number;
  readonly seed: number;
  readonly limits: EngineLimits;
  readonly scheduler: Scheduler;
  readonly recorder: TraceRecorder;
  readonly onTransition?: TransitionObserver;
  /**
   * How the world is seen by the threads (steps and programs): the identity
   * unless a test watches what each step reads (see the footprint check).
   */
  readonly lens?: (world: World) => World;
}

export interface EngineResult {
  readonly world: World;
  readonly facts: readonly Fact[];
  readonly lockSpans: readonly LockSpan[];
  readonly stopped: SimulationStop | null;
  readonly endTime: number;
}

type Pending =
  | { readonly kind: 'step'; readonly spec: StepSpec; readonly start: number }
  | { readonly kind: 'wait'; readonly op: AcquireOp; readonly since: number; readonly heldBy: Lane | null }
  | { readonly kind: 'idle' }
  /** A condition on the world came true (the thread waited for it off the queue). */
  | { readonly kind: 'until'; readonly op: WaitOp }
  /** Untimed: a thread whose program begins by taking a lock, not yet begun. */
  | { readonly kind: 'start'; readonly op: AcquireOp };

interface Actor {
  readonly order: number;
  readonly gen: Program;
  pending: Pending | null;
  lane: Lane | null;
  /** The transition that handed this thread a lock, until it resumes. */
  enabledBy: number | null;
}

const NO_FOOTPRINT: Footprint = { reads: [], writes: [] };
/** One object per (step footprint, locks): the explorer compiles each footprint once. */
const withLocksCache = new WeakMap<Footprint, Map<string, Footprint>>();

/** A step's footprint plus the locks a transition took, queued for or released (each a write). */
function withLocks(step: Footprint | null, locks: readonly string[]): Footprint {
  const base = step ?? NO_FOOTPRINT;
  if (locks.length === 0) return base;
  let byLocks = withLocksCache.get(base);
  if (!byLocks) withLocksCache.set(base, (byLocks = new Map()));
  const key = locks.join('|');
  let footprint = byLocks.get(key);
  if (!footprint) {
    const names = locks.map(res.lock);
    footprint = { reads: [...base.reads, ...names], writes: [...base.writes, ...names] };
    byLocks.set(key, footprint);
  }
  return footprint;
}

/** A footprint with a checked condition's reads added (`null` stays `null` when there is none). */
function merged(base: Footprint | null, condition: Footprint | null): Footprint | null {
  if (!condition) return base;
  const b = base ?? NO_FOOTPRINT;
  return { reads: [...b.reads, ...condition.reads], writes: b.writes };
}

/**
 * What the threads see of the engine. A class rather than an object literal
 * with `get world()`: a literal's getters are new closures every run, so V8
 * gave every run's context a hidden class of its own; those maps live in old
 * space and point at the getters, which kept each run's whole state (its
 * worlds, threads and facts) alive through the next scavenges until a full
 * GC. A sixth of all bytes allocated were promoted that way, and the
 * scavenges copying them were most of the fast path's GC time.
 */
class ThreadContext implements ActorContext {
  constructor(
    private readonly readWorld: () => World,
    private readonly readNow: () => number,
    readonly stop: (stop: SimulationStop) => void,
  ) {}

  get world(): World {
    return this.readWorld();
  }

  get now(): number {
    return this.readNow();
  }
}

/**
 * A fact draft with its step, time and thread, stamped in place: a draft is
 * a fresh literal of the step that made it, handed to the engine once, so
 * copying it (a megamorphic clone: the drafts come in a dozen shapes) only
 * cost time, about 7% of the fast path's.
 */
function stamped(draft: FactDraft, step: number, time: number, thread: Lane): Fact {
  const fact = draft as FactDraft & { step: number; time: number; thread: Lane };
  if (fact.step !== undefined) throw new Error(`the same ${draft.type} fact was handed to the engine twice`);
  fact.step = step;
  fact.time = time;
  fact.thread = thread;
  return fact;
}

/**
 * Run the actors to completion, to a limit, or until the scheduler stops.
 *
 * @example runEngine({ world, actors, jitter: 0, seed: 1, limits, scheduler: timedScheduler, recorder: new OutcomeRecorder() }).world
 */
export function runEngine(options: EngineOptions): EngineResult {
  const { recorder, scheduler, limits } = options;
  const timed = scheduler.timed;
  const rng = createRng(options.seed);
  const jitter = timed ? options.jitter : 0;
  const queue = new EventQueue<Actor>();
  const locks = new LockTable<Actor>();
  const facts: Fact[] = [];
  let world = options.world;
  let now = 0;
  let stopped: SimulationStop | null = null;
  const observe = options.onTransition;
  const lens = options.lens;
  /** Transitions so far, and the locks the current one touched (only when observed). */
  let transitions = 0;
  let lockTouches: string[] = [];
  /** Threads waiting for a condition, in actor order; they join the queue when it holds. */
  const waiting: { actor: Actor; op: WaitOp }[] = [];
  /** What the conditions the current transition checked read (only when observed). */
  let conditionReads: Footprint | null = null;

  const context = new ThreadContext(
    () => (lens ? lens(world) : world),
    () => now,
    (stop) => {
      stopped ??= stop;
    },
  );

  const keeps = recorder.keepsSteps;

  const recordEffect = (spec: StepSpec, effect: Effect, start: number, lockName: string | null): void => {
    const stepStart = timed ? start : recorder.size;
    const stepEnd = timed ? now : recorder.size + 1;
    const index = !keeps ? recorder.count() : recorder.record(
      {
        thread: spec.lane,
        host: spec.host,
        name: effect.name ?? spec.name,
        label: effect.label,
        start: stepStart,
        end: stepEnd,
        lock: lockName === null ? 'none' : 'held',
        lockName,
        kind: effect.kind !== undefined ? effect.kind : (spec.kind ?? null),
        address: effect.address ?? null,
        sleep: spec.sleep === true,
        nova: effect.nova ?? spec.nova,
        read: effect.read ?? null,
      },
      world,
      effect.world,
    );
    world = effect.world;
    if (effect.facts) {
      for (const draft of effect.facts) facts.push(stamped(draft, index, stepEnd, spec.lane));
    }
    stopped ??= stepLimitStop(recorder.size, limits);
  };

  /** What the step completed last touched (its effect's actual footprint, else its spec's); only when observed. */
  let completedFootprint: Footprint | null = null;

  const completeStep = (actor: Actor, spec: StepSpec, start: number): void => {
    // Untimed, a step's effect lands at its end too: step i spans [i, i + 1].
    const result = spec.apply(lens ? lens(world) : world, timed ? now : recorder.size + 1);
    const lockName = keeps ? locks.innermost(actor) : null;
    if (!Array.isArray(result)) {
      const effect = result as Effect;
      if (observe) completedFootprint = effect.footprint ? effect.footprint() : spec.footprint;
      recordEffect(spec, effect, start, lockName);
      return;
    }
    const effects = result as readonly Effect[];
    if (observe) completedFootprint = effects[0]?.footprint ? effects[0].footprint() : spec.footprint;
    // Sub-steps after the first (e.g. each device clean_usage frees) take no time.
    effects.forEach((effect, i) => recordEffect(spec, effect, i === 0 ? start : now, lockName));
  };

  const recordWait = (actor: Actor, pending: Extract<Pending, { kind: 'wait' }>): void => {
    const { op, since, heldBy } = pending;
    locks.granted(actor, op.lock, op.lane, since, now);
    if (now <= since) return;
    const waited = now - since;
    if (!keeps) {
      recorder.count();
      stopped ??= stepLimitStop(recorder.size, limits);
      return;
    }
    recorder.record(
      {
        thread: op.lane,
        host: op.host,
        name: 'wait for lock',
        label: () => `waited ${timed ? `${waited} ms` : `${waited} steps`} for ${op.lock}${heldBy ? ` (held by ${heldBy})` : ''}`,
        start: timed ? since : recorder.size,
        end: timed ? now : recorder.size + 1,
        lock: 'waited',
        lockName: op.lock,
        kind: null,
        address: null,
        sleep: false,
        nova: 'lock',
        read: null,
      },
      world,
      world,
    );
    stopped ??= stepLimitStop(recorder.size, limits);
  };

  /** Carry out one operation; `false` when the thread now blocks (a step, a lock wait or idle time). */
  const perform = (actor: Actor, op: Op): boolean => {
    switch (op.type) {
      case 'step': {
        if (!timed && op.spec.sleep) return true;
        actor.lane = op.spec.lane;
        actor.pending = { kind: 'step', spec: op.spec, start: now };
        const extra = op.spec.sleep || op.spec.instant || jitter <= 0 ? 0 : Math.floor(rng() * (jitter + 1));
        queue.push(timed ? now + Math.max(0, op.spec.duration) + extra : now, NORMAL, actor.order, actor);
        return false;
      }
      case 'acquire': {
        actor.lane = op.lane;
        if (observe) lockTouches.push(op.lock);
        const holder = locks.holderOf(op.lock);
        if (locks.acquire(actor, op.lock, op.lane, now)) return true;
        actor.pending = { kind: 'wait', op, since: now, heldBy: holder?.lane ?? null };
        return false;
      }
      case 'release': {
        const handed = locks.release(actor, op.lock, now);
        if (observe) lockTouches.push(op.lock);
        if (handed) {
          handed.enabledBy = transitions;
          queue.push(now, HANDOVER, handed.order, handed);
        }
        return true;
      }
      case 'idleUntil':
        actor.pending = { kind: 'idle' };
        queue.push(timed ? Math.max(now, op.time) : now, NORMAL, actor.order, actor);
        return false;
      case 'waitUntil':
        if (observe) conditionReads = op.footprint;
        if (op.holds(world)) return true;
        waiting.push({ actor, op });
        waiting.sort((a, b) => a.actor.order - b.actor.order);
        return false;
    }
  };

  /**
   * After a transition: the waiters whose condition now holds become ready
   * at this instant, made ready by that transition (as a lock hand-over is).
   */
  const wakeWaiters = (): void => {
    for (let i = 0; i < waiting.length; ) {
      const { actor, op } = waiting[i]!;
      if (!op.holds(world)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      actor.pending = { kind: 'until', op };
      actor.enabledBy = transitions - 1;
      queue.push(now, NORMAL, actor.order, actor);
    }
  };

  /** Run the thread's program until it blocks. */
  const advance = (actor: Actor): void => {
    while (stopped === null) {
      const next = actor.gen.next();
      if (next.done || !perform(actor, next.value)) return;
    }
  };

  /**
   * Untimed, a thread has no start time: it begins at its first step, which
   * the scheduler may complete at any point, or at its first lock, which is
   * taken (or queued for) as a transition of its own.
   */
  const prime = (actor: Actor): void => {
    for (;;) {
      const next = actor.gen.next();
      if (next.done) return;
      const op = next.value;
      if (op.type === 'idleUntil') continue;
      if (op.type === 'waitUntil') {
        if (op.holds(world)) continue;
        waiting.push({ actor, op });
        return;
      }
      if (op.type === 'acquire') {
        actor.pending = { kind: 'start', op };
        queue.push(0, NORMAL, actor.order, actor);
        return;
      }
      if (!perform(actor, op)) return;
    }
  };

  const resume = (actor: Actor): void => {
    const pending = actor.pending;
    actor.pending = null;
    let running = true;
    completedFootprint = null;
    if (pending?.kind === 'step') completeStep(actor, pending.spec, pending.start);
    else if (pending?.kind === 'wait') {
      if (observe) lockTouches.push(pending.op.lock);
      recordWait(actor, pending);
    } else if (pending?.kind === 'start') running = perform(actor, pending.op);
    else if (pending?.kind === 'until') completedFootprint = pending.op.footprint;
    if (stopped === null && running) advance(actor);
    if (observe) {
      // A condition checked on the way is read by this transition: as declared by its step, and by what it did.
      const declared = merged(pending?.kind === 'step' ? pending.spec.footprint : null, conditionReads);
      observe(actor.order, merged(withLocks(completedFootprint, lockTouches), conditionReads) ?? NO_FOOTPRINT, actor.enabledBy, declared);
      lockTouches = [];
      conditionReads = null;
    }
    actor.enabledBy = null;
    transitions++;
  };

  options.actors.forEach((spec, order) => {
    const actor: Actor = { order, gen: spec.run(context), pending: { kind: 'idle' }, lane: null, enabledBy: null };
    if (timed) queue.push(spec.startAt, NORMAL, order, actor);
    else prime(actor);
  });

  while (stopped === null && queue.size > 0) {
    const index = scheduler.pick(queue.ready);
    if (index < 0) break;
    const event = queue.take(index);
    if (timed) {
      stopped = timeLimitStop(event.time, limits);
      if (stopped) break;
      now = event.time;
    } else {
      now = recorder.size;
    }
    resume(event.actor);
    if (waiting.length > 0) wakeWaiters();
  }

  return { world, facts, lockSpans: locks.spans, stopped, endTime: timed ? now : recorder.size };
}
