/**
 * What threads hand to the engine: operations yielded by generator
 * programs, the atomic steps among them, and the effects those steps have
 * on the world.
 */
import type { FactDraft } from '../facts';
import type { HostName, Lane, SimulationStop, StepKind, World } from '../types';

/**
 * Words for people, built only when a full trace is recorded: the outcome
 * path of a sweep never pays for string formatting.
 */
export type Words = () => string;

/** What a step did: the new world, the words for the trace and the facts the race is told from. */
export interface Effect {
  readonly world: World;
  readonly label: Words;
  readonly read?: Words | null;
  /** For the 2nd, 3rd, ... effect of one atomic step (zero-length sub-steps such as `pci-freed`). */
  readonly name?: string;
  readonly kind?: StepKind | null;
  readonly address?: string | null;
  readonly nova?: string;
  /** Facts the engine stamps with this step's index and time. */
  readonly facts?: readonly FactDraft[];
  /**
   * What this run of the step touched, when narrower than its spec's declared
   * footprint; a function, so runs that nobody observes never build it.
   */
  readonly footprint?: () => Footprint;
}

/**
 * The shared state a step reads and writes, named by resource: `instance:<uuid>`,
 * `instances:*` (a scan of the table), `migration:<id>`, `migrations:*`,
 * `pci_devices:<host>`, `tracker:<host>`, `hypervisor:<host>`, `service:<host>`,
 * `port:<id>`, `ports:*`. Declared next to each step; the schedule explorer
 * treats two steps as dependent when they touch one resource and one of them
 * writes it, and a test checks that a step never touches what it does not
 * declare. Reads the program makes between this step and its next one
 * (through `ActorContext.world`) belong to this step's footprint too.
 */
export interface Footprint {
  readonly reads: readonly string[];
  readonly writes: readonly string[];
}

export interface StepSpec {
  readonly lane: Lane;
  readonly host: HostName | null;
  readonly name: string;
  readonly nova: string;
  readonly duration: number;
  readonly kind?: StepKind;
  /** An injected sleep: no jitter, and skipped when time does not count (the explorer). */
  readonly sleep?: boolean;
  /** Answered at once by an in-process fake (the harness's Neutron): no jitter either. */
  readonly instant?: boolean;
  readonly footprint: Footprint;
  readonly apply: (w: World, now: number) => Effect | readonly Effect[];
}

export interface AcquireOp {
  readonly type: 'acquire';
  readonly lock: string;
  readonly lane: Lane;
  readonly host: HostName | null;
}

/**
 * Wait until a condition on the world holds, as a test waits for a server's
 * state (Nova's `_wait_for_state_change`). The condition must stay true once
 * it holds; `footprint` names what it reads.
 */
export interface WaitOp {
  readonly type: 'waitUntil';
  readonly holds: (world: World) => boolean;
  readonly footprint: Footprint;
}

export type Op =
  | { readonly type: 'step'; readonly spec: StepSpec }
  | AcquireOp
  | { readonly type: 'release'; readonly lock: string }
  | { readonly type: 'idleUntil'; readonly time: number }
  | WaitOp;

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
