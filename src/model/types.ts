/**
 * Domain types of the tracker model: the database rows, each host's
 * in-memory ResourceTracker and PciDevTracker state, the hypervisors, and
 * the trace the simulation produces. Every value is plain, immutable data so
 * that a world state can be shared between steps, cloned across the worker
 * boundary and compared by reference.
 */
import type { Fact } from './facts';
import type { RaceView } from './race';

/** The hosts of bug #1896463's world (and of #1879878's): the evacuation's source and destination. */
export const HOSTS = ['host1', 'host2'] as const;
/** The two hosts of an evacuation or a resize. */
export type PairHost = (typeof HOSTS)[number];
/** Every compute host a race's world may have (#2025480 has one compute, `compute1`). */
export const ALL_HOSTS = ['host1', 'host2', 'compute1'] as const;
export type HostName = (typeof ALL_HOSTS)[number];
/**
 * A value per host of one race's world: only that race's hosts are present
 * (`hostOf` in `world.ts` reads one and fails loudly for a host the world
 * does not have).
 */
export type HostMap<T> = Readonly<Partial<Record<HostName, T>>>;

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

/** Nova's `vm_states` the scenarios reach. */
export type VmState = 'building' | 'active' | 'error' | 'deleted' | 'resized' | 'shelved_offloaded';
/** Nova's `task_states` the scenarios reach. */
export type TaskState = 'scheduling' | 'rebuilding' | 'resize_reverting' | 'unshelving' | 'spawning' | null;

/** The part of a flavor the usage races count: its vCPUs (the Nova tests assert `vcpus_used`). */
export interface Flavor {
  readonly name: string;
  readonly vcpus: number;
}

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
  /** The instance's PCI request: one VF on this physnet (an SR-IOV port); `null`: none. */
  readonly pciRequestPhysnet: string | null;
  /** `instance.flavor`; `null` where the race does not count usage (#1896463 models PCI devices only). */
  readonly flavor: Flavor | null;
  /** `instance.old_flavor` / `new_flavor`, stashed by a resize until it is confirmed or reverted. */
  readonly oldFlavor: Flavor | null;
  readonly newFlavor: Flavor | null;
}

export type MigrationStatus =
  | 'accepted'
  | 'pre-migrating'
  | 'done'
  | 'completed'
  | 'failed'
  | 'error'
  /** A cold migration or resize: `finished` on the destination (VERIFY_RESIZE), then confirmed or reverted. */
  | 'finished'
  | 'confirming'
  | 'confirmed'
  | 'reverting'
  | 'reverted';

/** A `migrations` row: an evacuation (#1896463) or a cold migration (#1879878). */
export interface MigrationRow {
  readonly id: number;
  readonly instanceUuid: string;
  readonly sourceCompute: HostName;
  readonly destCompute: HostName | null;
  readonly status: MigrationStatus;
  /** `migration_type`; a cold migration is `migration` (a resize would be `resize`). */
  readonly type: 'evacuation' | 'migration';
}

/** A `compute_nodes` row, the part the usage races read (the Nova tests' `assertUsage`). */
export interface ComputeNodeRow {
  /** May go negative: `_update_usage` subtracts whatever flavor it is given. */
  readonly vcpusUsed: number;
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
  readonly pciDevices: HostMap<DeviceMap>;
  /** `compute_nodes` rows: what each tracker last saved with `_update` (empty where usage is not modelled). */
  readonly computeNodes: HostMap<ComputeNodeRow>;
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
  /**
   * The tracker's own `compute_nodes[nodename]` object in memory (the usage
   * counters), saved to the row by `_update`; `null` where usage is not
   * modelled (#1896463).
   */
  readonly computeNode: ComputeNodeRow | null;
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
  /** The race's hosts, each with its nova-compute. */
  readonly hosts: HostMap<HostState>;
}

/** The swimlanes of the timeline; each step belongs to one. */
export const LANES = [
  'api',
  'evacuation',
  'confirm-resize',
  'revert-resize',
  'finish-revert-resize',
  'unshelve',
  'periodic-host1',
  'periodic-host2',
  'periodic-compute1',
  'boot',
  'host1-restart',
  // Last, so that the lanes before it keep their numbers (exports name threads by them); shown after `evacuation`.
  'evacuation-2',
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
  | 'pci-freed'
  /** The usage races: a migration's status saved (`confirmed`, `reverted`), a move claim dropped, a `compute_nodes` row saved. */
  | 'migration-status'
  | 'claim-dropped'
  | 'usage-saved';

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
 * What a run of #1896463 ends with, as the fast path computes it for sweeps
 * and the full simulation for the screen: the two must agree on every
 * scenario. (Its shape is what the golden traces record, so it has no `race`
 * field: an outcome without one is #1896463's.)
 */
/** One evacuee's part of a #1896463 outcome (with `evacuees=2`). */
export interface EvacueeOutcome {
  readonly uuid: string;
  readonly verdict: VerdictValue;
  /** It ended on host2 with no PCI device allocated there. */
  readonly allocationLost: boolean;
  readonly mechanism: Mechanism | null;
  /** Devices allocated to it per host, counted from the DB as the Nova test does. */
  readonly pciAllocated: Readonly<Record<PairHost, number>>;
  readonly instanceHost: HostName | null;
}

export interface PciOutcome {
  readonly verdict: VerdictValue;
  /** The evacuated instance ended on host2 with no PCI device allocated there (the Nova test's assertion fails). */
  readonly allocationLost: boolean;
  /** Lost by bug #1896463's mechanism (`stale-snapshots`). */
  readonly bugReproduced: boolean;
  /** How it was lost; `null` when it was not. */
  readonly mechanism: Mechanism | null;
  /** Devices allocated to the evacuated instance per host, counted from the DB as the Nova test does. */
  readonly pciAllocated: Readonly<Record<PairHost, number>>;
  readonly instanceHost: HostName | null;
  readonly times: OutcomeTimes;
  /** Set when the scenario ran into one of the model's limits. */
  readonly stopped: SimulationStop | null;
  readonly steps: number;
  readonly endTime: number;
  /** What times count in: virtual ms, or steps when a schedule replaced time by step order. */
  readonly clock: 'ms' | 'step';
  /**
   * With two evacuees only (absent with one, so its outputs stay as they
   * were): each evacuee's outcome, `inst-A` first, and the ones lost.
   */
  readonly evacuees?: readonly EvacueeOutcome[];
  readonly lostInstances?: readonly string[];
}

/** The races of the library, by Launchpad bug (and, for #1879878, which half of the resize). */
export const RACE_IDS = ['1896463', '1879878-confirm', '1879878-revert', '2025480'] as const;
export type RaceId = (typeof RACE_IDS)[number];
/** The races whose damage is a usage counter (`compute_nodes.vcpus_used`), not a PCI allocation. */
export type UsageRaceId = Exclude<RaceId, '1896463'>;

/**
 * How a usage race left the counters wrong, read from the facts:
 * - `periodic-before-drop`: bug #1879878. A periodic rebuilt the tracker
 *   before `drop_move_claim` ran, and the drop then subtracted the wrong
 *   amount: on a confirm, the old flavor from a source that had stopped
 *   counting it once the migration was `confirmed`; on a revert, nothing,
 *   because the destination no longer tracked the migration and no flavor
 *   was passed.
 * - `reverted-before-host-save`: a periodic ran after the destination
 *   dropped its claim and marked the migration `reverted`, but before
 *   `finish_revert_resize` saved host=source: neither host counts the
 *   instance where it is going. The fix does not close this window.
 * - `spawning-not-counted`: bug #2025480. A periodic listed the instance
 *   while it was still SHELVED_OFFLOADED (spawning) and left it out.
 * - `unexplained`: wrong in a way the facts match to none of these.
 */
export type UsageMechanism = 'periodic-before-drop' | 'reverted-before-host-save' | 'spawning-not-counted' | 'unexplained';

/** A periodic run, on one host, that rebuilt the usage the verdict reads. */
export interface UsageRun {
  readonly host: HostName;
  readonly run: number;
  readonly instanceRead: Moment | null;
  readonly migrationRead: Moment | null;
  /** Its `_update` saved the compute node row. */
  readonly saved: Moment | null;
}

/** The moments a usage race's verdict is told with; `null` when they did not happen. */
export interface UsageTimes {
  /** The racing operation's last step. */
  readonly finished: Moment | null;
  /**
   * Where the verdict is read: the finish, or the end of a periodic run that
   * was under way at the finish (its save still lands on the counters).
   */
  readonly judged: Moment | null;
  /** What opens the race's window: the status save (#1879878), the claim (#2025480). */
  readonly windowOpened: Moment | null;
  /** What closes it: the drop (confirm), the source's host save (revert), `vm_state` active (#2025480). */
  readonly windowClosed: Moment | null;
  /** `drop_move_claim` on the host the operation leaves: where it found the instance and what it subtracted. */
  readonly dropped: (Moment & { readonly host: HostName; readonly found: 'migration' | 'instance' | 'none'; readonly vcpus: number }) | null;
  /** The periodic run behind a wrong count (the one in the window), or the closest one. */
  readonly decidingRun: UsageRun | null;
  /** The first periodic save after `judged` that brought every host back to the expected usage. */
  readonly restored: Moment | null;
  /**
   * How close the race came: ms from the periodic read nearest to one of the
   * operation's racing writes to that write, positive when the usage ended
   * wrong, negative when right; `null` when no periodic read fell between
   * the POST and the verdict.
   */
  readonly margin: number | null;
}

/** What a run of a usage race ends with; computed alike by the fast path and the full simulation. */
export interface UsageOutcome {
  readonly race: UsageRaceId;
  /** `lost`: the usage was wrong when the operation finished; `kept`: right; `incomplete`: it never finished. */
  readonly verdict: VerdictValue;
  /** Wrong by the race's own bug (`periodic-before-drop` for #1879878, `spawning-not-counted` for #2025480). */
  readonly bugReproduced: boolean;
  readonly mechanism: UsageMechanism | null;
  /** `vcpus_used` per host from the `compute_nodes` rows when the run ended (a later periodic may have restored it). */
  readonly usage: HostMap<number>;
  /** The same when the verdict was read (`times.judged`); `null` when the operation never finished. */
  readonly usageWhenFinished: HostMap<number> | null;
  /** What the Nova test asserts once the operation has finished. */
  readonly expectedUsage: HostMap<number>;
  readonly times: UsageTimes;
  readonly stopped: SimulationStop | null;
  readonly steps: number;
  readonly endTime: number;
  readonly clock: 'ms' | 'step';
}

/** What a run ends with: #1896463's PCI count, or a usage race's counters. */
export type Outcome = PciOutcome | UsageOutcome;

/** The outcome with one line that says why, with the times from the trace. */
export type Verdict = Outcome & { readonly reason: string };
export type PciVerdict = PciOutcome & { readonly reason: string };
export type UsageVerdict = UsageOutcome & { readonly reason: string };

/** Is this a usage race's outcome (it names its race; #1896463's does not)? */
export function isUsageOutcome<T extends Outcome>(o: T): o is Extract<T, UsageOutcome> {
  return 'race' in o;
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
