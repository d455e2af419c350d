/**
 * Footprints: the shared state a step reads and writes, by resource name.
 * Two steps of different threads are dependent (their order can change the
 * outcome) when one writes a resource the other touches. A name ending in
 * `:*` stands for every resource of that kind: a table scan such as
 * `InstanceList.get_by_host_and_node` reads `instance:*`. A kind is what
 * comes before the last colon: `hypervisor:host2:*` is every guest of
 * host2's hypervisor, `hypervisor:host2:inst-A` one of them.
 */
import type { Footprint } from './engine/types';
import type { HostName } from './types';

export const res = {
  instance: (uuid: string) => `instance:${uuid}`,
  /** Every instance row. */
  instances: 'instance:*',
  /**
   * An instance's `host` (and `node`): what `InstanceList.get_by_host_and_node`
   * filters on, apart from the rest of the row, so that a query is not
   * ordered against writes that cannot change which rows it returns.
   * Whoever writes the host writes `instance:<uuid>` as well.
   */
  instanceHost: (uuid: string) => `instance-host:${uuid}`,
  /** Every instance's host: the filter of a query by host (and creating a row). */
  instanceHosts: 'instance-host:*',
  migration: (id: number) => `migration:${id}`,
  migrations: 'migration:*',
  /** A compute node's `compute_nodes` row (its usage counters). */
  computeNode: (host: HostName) => `compute_nodes:${host}`,
  /** A compute node's `pci_devices` rows, saved as a whole. */
  pciRows: (host: HostName) => `pci_devices:${host}`,
  /** A host's in-memory ResourceTracker with its PciDevTracker and the periodic run's snapshots. */
  tracker: (host: HostName) => `tracker:${host}`,
  /** Every guest a host's hypervisor runs (what a listing of them reads). */
  hypervisor: (host: HostName) => `hypervisor:${host}:*`,
  /**
   * One guest on a host's hypervisor: spawning, rebuilding or destroying one
   * guest does not touch another, so two of them on one host are independent.
   */
  guest: (host: HostName, uuid: string) => `hypervisor:${host}:${uuid}`,
  /** Is a host's nova-compute up? */
  service: (host: HostName) => `service:${host}`,
  port: (id: string) => `port:${id}`,
  lock: (name: string) => `lock:${name}`,
} as const;

/** Nothing shared: sleeps, and steps that only take time. */
export const NO_FOOTPRINT: Footprint = { reads: [], writes: [] };

/**
 * A footprint; resources written are read too (a save is read-modify-write),
 * and saving an instance row copies its host.
 *
 * @example touches({ reads: [res.instances], writes: [res.tracker('host2')] })
 */
export function touches(spec: { reads?: readonly string[]; writes?: readonly string[] }): Footprint {
  const writes = spec.writes ?? [];
  const copiedHosts = writes.filter((w) => w.startsWith('instance:') && w !== res.instances).map((w) => res.instanceHost(w.slice('instance:'.length)));
  return { reads: [...new Set([...(spec.reads ?? []), ...writes, ...copiedHosts])], writes };
}

const internedFootprints = new Map<string, Footprint>();

/**
 * What one run of a step actually touched (a subset of what it declares),
 * as one shared object per distinct footprint, so the explorer compiles it once.
 */
export function actual(reads: readonly string[], writes: readonly string[]): Footprint {
  const key = `${reads.join(',')}|${writes.join(',')}`;
  let footprint = internedFootprints.get(key);
  if (!footprint) internedFootprints.set(key, (footprint = touches({ reads, writes })));
  return footprint;
}

/** Does resource pattern `a` name the same resource as `b` (either may be a `:*` wildcard)? */
export function sameResource(a: string, b: string): boolean {
  if (a === b) return true;
  const starA = a.endsWith(':*');
  const starB = b.endsWith(':*');
  if (starA && b.startsWith(a.slice(0, -1))) return true;
  if (starB && a.startsWith(b.slice(0, -1))) return true;
  return false;
}

function overlaps(xs: readonly string[], ys: readonly string[]): boolean {
  for (const x of xs) for (const y of ys) if (sameResource(x, y)) return true;
  return false;
}

/**
 * Can the order of these two steps matter? Yes when one writes what the
 * other reads or writes.
 *
 * @example dependent(touches({ writes: ['migration:1'] }), touches({ reads: ['migration:*'] })) // true
 */
export function dependent(a: Footprint, b: Footprint): boolean {
  const ca = compile(a);
  const cb = compile(b);
  if (ca === null || cb === null) return slowDependent(a, b);
  return conflicts(ca.writes, cb.reads) || conflicts(ca.writes, cb.writes) || conflicts(cb.writes, ca.reads);
}

function slowDependent(a: Footprint, b: Footprint): boolean {
  return overlaps(a.writes, b.reads) || overlaps(a.writes, b.writes) || overlaps(b.writes, a.reads);
}

/*
 * The explorer asks "dependent?" for every pair of transitions it orders, so
 * footprints are compiled once into bit masks: one bit per concrete resource
 * and one per kind (`instance`, `tracker`, `hypervisor:host2`, ...). A `kind:*` pattern conflicts
 * with every resource of its kind. A handful of resources exist per scenario;
 * past 31 of either, the string comparison above is used.
 */
interface Masks {
  /** Concrete resources named. */
  readonly resources: number;
  /** Kinds of the concrete resources named. */
  readonly kinds: number;
  /** Kinds named as a whole (`kind:*`). */
  readonly wholeKinds: number;
}

interface Compiled {
  readonly reads: Masks;
  readonly writes: Masks;
}

const MAX_BITS = 31;
const resourceBits = new Map<string, number>();
const kindBits = new Map<string, number>();
const compiled = new WeakMap<Footprint, Compiled | null>();

function bitOf(table: Map<string, number>, name: string): number | null {
  let bit = table.get(name);
  if (bit === undefined) {
    if (table.size >= MAX_BITS) return null;
    bit = table.size;
    table.set(name, bit);
  }
  return bit;
}

function masksOf(names: readonly string[]): Masks | null {
  let resources = 0;
  let kinds = 0;
  let wholeKinds = 0;
  for (const name of names) {
    const colon = name.lastIndexOf(':');
    const kind = bitOf(kindBits, colon < 0 ? name : name.slice(0, colon));
    if (kind === null) return null;
    if (name.endsWith(':*')) {
      wholeKinds |= 1 << kind;
      continue;
    }
    const resource = bitOf(resourceBits, name);
    if (resource === null) return null;
    resources |= 1 << resource;
    kinds |= 1 << kind;
  }
  return { resources, kinds, wholeKinds };
}

function compile(f: Footprint): Compiled | null {
  let c = compiled.get(f);
  if (c === undefined) {
    const reads = masksOf(f.reads);
    const writes = masksOf(f.writes);
    c = reads && writes ? { reads, writes } : null;
    compiled.set(f, c);
  }
  return c;
}

function conflicts(a: Masks, b: Masks): boolean {
  return (a.resources & b.resources) !== 0 || (a.wholeKinds & (b.kinds | b.wholeKinds)) !== 0 || (b.wholeKinds & a.kinds) !== 0;
}
