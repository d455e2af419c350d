/**
 * Facts: what the steps observed and decided, as data. Steps emit drafts;
 * the engine stamps each with the step that emitted it, its time and
 * thread. The verdict, the mechanism and everything the screen says about
 * the race are read from these facts and never re-derived from labels or
 * re-computed from worlds.
 */
import type { HostName, Lane, MigrationStatus, TaskState, VmState } from './types';

/** Why `_update_usage_from_instances` or `_update_usage_from_migrations` did not count an instance. */
export type SkipReason =
  /** Its `vm_state` allows resource removal (`ALLOW_RESOURCE_REMOVAL`, or #2025480's fixed predicate). */
  | 'removable'
  /** A migration whose instance is no longer resizing (`_instance_in_resize_state`). */
  | 'not-resizing'
  /** A migration of an instance the instance list already counted. */
  | 'tracked'
  /** An outgoing migration without a flavor to hold (`_get_instance_type` found none). */
  | 'no-flavor';

export type FactDraft =
  /** A move claim (`rebuild_claim`) or a boot's `instance_claim`: which devices, or none (it failed). */
  | {
      readonly type: 'claim';
      readonly host: HostName;
      readonly uuid: string;
      readonly migrationId: number | null;
      readonly addresses: readonly string[];
      readonly ok: boolean;
    }
  /** A periodic run's snapshot 1: the instance uuids `InstanceList.get_by_host_and_node` returned. */
  | { readonly type: 'instance-list'; readonly host: HostName; readonly run: number; readonly uuids: readonly string[] }
  /** A periodic run's snapshot 2: the in-progress migrations it returned. */
  | {
      readonly type: 'migration-list';
      readonly host: HostName;
      readonly run: number;
      readonly migrations: readonly { readonly id: number; readonly instanceUuid: string; readonly status: MigrationStatus }[];
    }
  /** `clean_usage` decided: which users of PCI devices it kept, and why. */
  | {
      readonly type: 'clean-usage';
      readonly host: HostName;
      readonly run: number;
      readonly kept: readonly { readonly uuid: string; readonly via: 'instance-list' | 'migration-list' }[];
      readonly freedUuids: readonly string[];
    }
  /** `clean_usage` freed one device of an instance that was in neither snapshot. */
  | {
      readonly type: 'pci-freed';
      readonly host: HostName;
      readonly run: number;
      readonly uuid: string;
      readonly address: string;
      readonly was: 'claimed' | 'allocated';
    }
  /** `instance.save()` changed the instance's host. */
  | { readonly type: 'instance-host'; readonly uuid: string; readonly from: HostName | null; readonly to: HostName | null }
  /** `migration.save()` changed its status. */
  | { readonly type: 'migration-status'; readonly id: number; readonly from: MigrationStatus; readonly to: MigrationStatus }
  /**
   * The usage races: a periodic run rebuilt a host's usage, from its instance
   * snapshot or its migration snapshot; what it counted and what it left out.
   */
  | {
      readonly type: 'usage-rebuilt';
      readonly host: HostName;
      readonly run: number;
      readonly from: 'instances' | 'migrations';
      readonly counted: readonly { readonly uuid: string; readonly vcpus: number }[];
      readonly skipped: readonly { readonly uuid: string; readonly vmState: VmState; readonly taskState: TaskState; readonly why: SkipReason }[];
    }
  /** `_update` saved a host's `compute_nodes` row; `run` is the periodic run, `null` for a claim or a drop. */
  | { readonly type: 'usage-saved'; readonly host: HostName; readonly run: number | null; readonly vcpusUsed: number }
  /** `drop_move_claim`: where it found the instance, and the vCPUs it subtracted (0: none). */
  | { readonly type: 'claim-dropped'; readonly host: HostName; readonly uuid: string; readonly found: 'migration' | 'instance' | 'none'; readonly vcpus: number }
  /** The racing operation's last step: a usage race's verdict is read from here. */
  | { readonly type: 'operation-finished'; readonly uuid: string };

export type FactType = FactDraft['type'];

interface Stamp {
  /** Index of the step that emitted it. */
  readonly step: number;
  /** When it took effect (the step's end). */
  readonly time: number;
  readonly thread: Lane;
}

export type Fact = FactDraft & Stamp;
export type FactOf<T extends FactType> = Extract<FactDraft, { type: T }> & Stamp;

/** The facts of one type, in trace order. */
export function factsOf<T extends FactType>(facts: readonly Fact[], type: T): FactOf<T>[] {
  return facts.filter((f): f is FactOf<T> => f.type === type);
}
