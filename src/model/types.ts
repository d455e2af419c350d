/**
 * Domain types of the tracker model: the database rows, each host's
 * in-memory ResourceTracker and PciDevTracker state, the hypervisors, and
 * the trace the simulation produces. Every value is plain, immutable data so
 * that a world state can be shared between steps, cloned across the worker
 * boundary and compared by reference.
 */
import type { Fact } from './facts';
import type { RaceView } from './race';

export const HOSTS = ['host1', 'host2'] as const;
export type HostName = (typeof HOSTS)[number];

/** Nova's `PciDeviceStatus` values that the scenarios reach. */
export type DeviceStatus = 'available' | 'claimed' | 'allocated' | 'unclaimable' | 'unavailable';
export type DeviceType = 'PF' | 'VF';

/** One PCI device as the tracker holds it in memory and as `pci_devices` stores it. */
export interface PciDevice {
  readonly address: string;
  readonly type: DeviceType;
  /** Address of the parent PF for a VF, `null` for a PF. */
  readonly parent: string | null;
  readonly physnet: string;
  readonly status: DeviceStatus;
  readonly instanceUuid: string | null;
}

/** The devices of one compute node, keyed by PCI address. */
export type DeviceMap = Readonly<Record<string, PciDevice>>;

/** A device on a given host: what an instance's `pci_devices` field refers to. */
export interface DeviceRef {
  readonly host: HostName;
  readonly address: string;
}

export type VmState = 'building' | 'active' | 'error' | 'deleted';
export type TaskState = 'scheduling' | 'rebuilding' | null;

/** The part of `MigrationContext` that matters here: the devices claimed on the destination. */
export interface MigrationContext {
  readonly migrationId: number;
  readonly newPciDevices: readonly DeviceRef[];
  readonly oldPciDevices: readonly DeviceRef[];
}

/** An `instances` row. */
export interface InstanceRow {
  readonly uuid: string;
  readonly name: string;
  readonly host: HostName | null;
  readonly node: HostName | null;
  readonly vmState: VmState;
  readonly taskState: TaskState;
  readonly migrationContext: MigrationContext | null;
  /** The devices the instance uses (`instance.pci_devices`). */
  readonly pciDevices: readonly DeviceRef[];
  /** The instance's PCI request: one VF on this physnet (an SR-IOV port). */
  readonly pciRequestPhysnet: string;
}

export type MigrationStatus =
  | 'accepted'
  | 'pre-migrating'
  | 'done'
  | 'completed'
  | 'failed'
  | 'error';

/** A `migrations` row. Evacuation is the only migration type the scenarios create. */
export interface MigrationRow {
  readonly id: number;
  readonly instanceUuid: string;
  readonly sourceCompute: HostName;
  readonly destCompute: HostName | null;
  readonly status: MigrationStatus;
  readonly type: 'evacuation';
}

/**
 * A Neutron port. For an SR-IOV port, `binding:profile` carries the PCI
 * address of the VF it is bound to: after the race frees a VF and a second
 * server gets it, two ports name one `pci_slot`, and that is the only place
 * the double use shows (Nova's own rows show just the second server).
 */
export interface PortRow {
  readonly id: string;
  /** `device_id`: the instance that owns the port. */
  readonly instanceUuid: string;
  readonly physnet: string;
  /** `binding:host_id`, `null` while unbound. */
  readonly bindingHost: HostName | null;
  /** `binding:profile['pci_slot']`, `null` while unbound. */
  readonly pciSlot: string | null;
}

/** The shared, persistent state. */
export interface Database {
  readonly instances: Readonly<Record<string, InstanceRow>>;
  readonly migrations: Readonly<Record<number, MigrationRow>>;
  /** `pci_devices` rows per compute node: what each tracker last saved. */
  readonly pciDevices: Readonly<Record<HostName, DeviceMap>>;
  /** Neutron's ports (not Nova's database, but shared state all the same). */
  readonly ports: Readonly<Record<string, PortRow>>;
}

/** instance uuid -> PCI addresses, as `PciDevTracker.claims` / `.allocations`. */
export type PciUsage = Readonly<Record<string, readonly string[]>>;

/** One host's ResourceTracker with its PciDevTracker, in memory. */
export interface TrackerState {
  readonly trackedInstances: readonly string[];
  /** instance uuid -> migration id (`ResourceTracker.tracked_migrations`). */
  readonly trackedMigrations: Readonly<Record<string, number>>;
  readonly devices: DeviceMap;
  readonly claims: PciUsage;
  readonly allocations: PciUsage;
}

/** What one periodic run has read so far: the two snapshots of bug #1896463. */
export interface PeriodicView {
  readonly run: number;
  /** The instance-list snapshot (rows as read), `null` until read. */
  readonly instances: readonly InstanceRow[] | null;
  readonly instancesReadAt: number | null;
  /** The in-progress migration-list snapshot, `null` until read. */
  readonly migrations: readonly MigrationRow[] | null;
  readonly migrationsReadAt: number | null;
}

/** A guest that the hypervisor runs, with the devices passed through to it. */
export interface Guest {
  readonly uuid: string;
  readonly pciDevices: readonly string[];
}

/** The host's nova-compute service. */
export interface ServiceState {
  /** Is the nova-compute service running? */
  readonly up: boolean;
  readonly forcedDown: boolean;
}

export interface HostState {
  /** Is the nova-compute service running? */
  readonly service: ServiceState;
  readonly tracker: TrackerState;
  readonly guests: Readonly<Record<string, Guest>>;
  readonly periodic: PeriodicView | null;
}

/** Everything the simulation knows at one instant. */
export interface World {
  readonly db: Database;
  readonly hosts: Readonly<Record<HostName, HostState>>;
}

/** The swimlanes of the timeline; each step belongs to one. */
export const LANES = [
  'api',
  'evacuation',
  'periodic-host1',
  'periodic-host2',
  'boot',
  'host1-restart',
] as const;
export type Lane = (typeof LANES)[number];

/**
 * Steps that Nova's regression test can observe carry one of these kinds, so
 * that tools and the UI can find them.
 */
export type StepKind =
  | 'claim'
  | 'instance-list'
  | 'migration-list'
  | 'clean-usage'
  | 'host-saved'
  | 'context-dropped'
  | 'migration-done'
  | 'pci-freed';

export type LockUse = 'held' | 'waited' | 'none';

/** One field that a step changed. `path` names it in Nova's words. */
export interface Change {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

export type InvariantId =
  | 'guest-devices-allocated'
  | 'single-owner'
  | 'in-use-not-available'
  | 'tracker-db-agree';

/** An invariant that broke at a step (recorded once when it starts to fail). */
export interface Violation {
  readonly invariant: InvariantId;
  readonly step: number;
  readonly time: number;
  readonly host: HostName;
  readonly address: string | null;
  readonly instance: string | null;
  readonly message: string;
}

export interface TraceStep {
  readonly index: number;
  readonly thread: Lane;
  readonly host: HostName | null;
  /** Short Nova-flavoured name, e.g. `clean_usage`. */
  readonly name: string;
  /** One line for people: what the step did. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly lock: LockUse;
  readonly lockName: string | null;
  readonly kind: StepKind | null;
  /** Set on `pci-freed` steps. */
  readonly address: string | null;
  /** An injected sleep (the regression test's patches). */
  readonly sleep: boolean;
  /** Key into `NOVA_REFS`: the Nova function this step stands for. */
  readonly nova: string;
  /** What the step read, in words (for snapshots: the rows it saw). */
  readonly read: string | null;
  readonly changes: readonly Change[];
}

/** A span of time a thread held a lock, and when it asked for it. */
export interface LockSpan {
  readonly lock: string;
  readonly thread: Lane;
  readonly requestedAt: number;
  readonly acquiredAt: number;
  /** `null` if still held when the simulation stopped. */
  readonly releasedAt: number | null;
}

/** `lost`/`kept`: the evacuation finished and the Nova test's count says which; `incomplete`: it never finished (a model limit, or the claim was never reached). */
export type VerdictValue = 'lost' | 'kept' | 'incomplete';

/**
 * How host2 came to hold no allocation, read from the facts of the periodic
 * run that freed the device:
 * - `stale-snapshots`: bug #1896463. The run read the instance list before
 *   the evacuation saved host=host2 and the migration list after the
 *   evacuation marked its migration `done`.
 * - `migration-completed-by-source`: host1 came back mid-evacuation and its
 *   `_destroy_evacuated_instances` marked the migration `completed` before
 *   the evacuation finished; the fix does not close this window.
 * - `unexplained`: lost in a way the facts do not match to either.
 */
export type Mechanism = 'stale-snapshots' | 'migration-completed-by-source' | 'unexplained';

/** A moment of the race: when it happened and which step did it. */
export interface Moment {
  readonly time: number;
  readonly step: number;
}

/** The moments the verdict's sentence is told with; `null` when they did not happen. */
export interface OutcomeTimes {
  /** host2's `rebuild_claim` (its end). */
  readonly claim: (Moment & { readonly ok: boolean }) | null;
  /** The evacuation saved host=host2. */
  readonly hostSaved: Moment | null;
  /** The migration stopped being "in progress" for host2's query (first time after the claim). */
  readonly migrationFinished: (Moment & { readonly status: MigrationStatus }) | null;
  /** `clean_usage` freed the evacuee's device on host2, with the two reads of that periodic run. */
  readonly freed: (Moment & { readonly address: string; readonly instanceRead: Moment | null; readonly migrationRead: Moment | null }) | null;
  /**
   * A host2 run that read the instance list after the claim and before the
   * host save (a stale first snapshot), with its migration-list read: the
   * closest the race came when nothing was freed.
   */
  readonly nearMiss: { readonly instanceRead: Moment; readonly migrationRead: Moment | null } | null;
  /** Every host2 instance-list read after the claim came after the host save. */
  readonly readsAfterClaim: number;
  /** With the fix: `finish_evacuation` waited for the lock until then. */
  readonly finishWaitedUntil: number | null;
}

/**
 * What a run ends with, as the fast path computes it for sweeps and the full
 * simulation for the screen: the two must agree on every scenario.
 */
export interface Outcome {
  readonly verdict: VerdictValue;
  /** The evacuated instance ended on host2 with no PCI device allocated there (the Nova test's assertion fails). */
  readonly allocationLost: boolean;
  /** Lost by bug #1896463's mechanism (`stale-snapshots`). */
  readonly bugReproduced: boolean;
  /** How it was lost; `null` when it was not. */
  readonly mechanism: Mechanism | null;
  /** Devices allocated to the evacuated instance per host, counted from the DB as the Nova test does. */
  readonly pciAllocated: Readonly<Record<HostName, number>>;
  readonly instanceHost: HostName | null;
  readonly times: OutcomeTimes;
  /** Set when the scenario ran into one of the model's limits. */
  readonly stopped: SimulationStop | null;
  readonly steps: number;
  readonly endTime: number;
  /** What times count in: virtual ms, or steps when a schedule replaced time by step order. */
  readonly clock: 'ms' | 'step';
}

export interface Verdict extends Outcome {
  /** One line that says why, with the times from the trace. */
  readonly reason: string;
}

export interface SimulationStop {
  readonly limit: 'time' | 'steps' | 'periodic-runs';
  readonly message: string;
}

/** A step as the screen holds it: everything but what it changed (asked for at the cursor). */
export type StepRow = Omit<TraceStep, 'changes'>;

/**
 * A trace as the screen holds it: every step, the locks, the race and the
 * verdict, but no world history. The worker that simulated it keeps the
 * worlds and rebuilds the one at a step on request.
 */
export interface TraceView {
  readonly steps: readonly StepRow[];
  readonly lockSpans: readonly LockSpan[];
  readonly violations: readonly Violation[];
  /** The race as the screen draws it, read from the facts (see `race.ts`). */
  readonly race: RaceView;
  readonly verdict: Verdict;
  /** Set when the scenario ran into one of the model's limits. */
  readonly stopped: SimulationStop | null;
  readonly endTime: number;
  readonly traceHash: string;
}

/** Everything a simulation produced. */
export interface Trace extends TraceView {
  readonly steps: readonly TraceStep[];
  /** `states[0]` is the initial world; `states[i + 1]` is the world after step `i`. */
  readonly states: readonly World[];
  /** What the steps observed and decided (see `facts.ts`). */
  readonly facts: readonly Fact[];
}

/** The worlds around one step, and what the step changed: what the cursor's panels show. */
export interface StepWorlds {
  readonly step: number;
  /** Before the step (`states[step]`). */
  readonly before: World;
  /** After it (`states[step + 1]`). */
  readonly after: World;
  readonly changes: readonly Change[];
}
