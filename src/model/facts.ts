/**
 * Facts: what the steps observed and decided, as data. Steps emit drafts;
 * the engine stamps each with the step that emitted it, its time and
 * thread. The verdict, the mechanism and everything the screen says about
 * the race are read from these facts and never re-derived from labels or
 * re-computed from worlds.
 */
import type { HostName, Lane, MigrationStatus } from './types';

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
  | { readonly type: 'migration-status'; readonly id: number; readonly from: MigrationStatus; readonly to: MigrationStatus };

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
