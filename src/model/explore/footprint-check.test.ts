/**
 * A step never touches what it does not declare. The threads see the world
 * through recording proxies (the engine's `lens`): every read of a row, a
 * tracker, a hypervisor or a service is noted by resource; the writes are
 * read off the worlds before and after. Over every transition of many
 * schedules of many scenarios, both must fall inside the footprint the
 * transition reported (its step's actual or declared footprint, plus its
 * locks), and an actual footprint must fall inside its step's declared one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../engine/engine';
import { MODEL_LIMITS } from '../engine/limits';
import type { TraceRecorder } from '../engine/recorder';
import { untimedScheduler } from '../engine/scheduler';
import type { Footprint } from '../engine/types';
import { res, sameResource } from '../footprint';
import { defaultScenario, type Scenario } from '../scenario';
import { actorsFor } from '../simulate';
import { raceOf } from '../races';
import { type HostName, RACE_IDS, type RaceId, type World } from '../types';
import { hostOf, hostsOf, initialWorld } from '../world';

const targetOf = new WeakMap<object, object>();
const raw = <T>(x: T): T => (typeof x === 'object' && x !== null ? ((targetOf.get(x) as T | undefined) ?? x) : x);

type Noter = (resource: string) => void;

/** A proxy that notes `resource` whenever anything inside `target` is looked at. */
function leaf(target: object, resource: string, note: Noter): object {
  const proxy = new Proxy(target, {
    // What a step stored from an earlier view may be a proxy itself: hand out the plain value.
    get: (t, key) => (note(resource), raw(Reflect.get(t, key))),
    has: (t, key) => (note(resource), Reflect.has(t, key)),
    ownKeys: (t) => (note(resource), Reflect.ownKeys(t)),
  });
  targetOf.set(proxy, target);
  return proxy;
}

/** A table whose rows are looked at one by one; listing its keys alone reads nothing. */
function table(target: object, rowResource: (key: string, field: string) => string, note: Noter): object {
  const proxy = new Proxy(target, {
    get(t, key) {
      const row = Reflect.get(t, key) as unknown;
      if (typeof key !== 'string' || typeof row !== 'object' || row === null) return row;
      const rowProxy = new Proxy(raw(row) as object, {
        get: (r, field) => (note(rowResource(key, String(field))), raw(Reflect.get(r, field))),
        ownKeys: (r) => (note(rowResource(key, '*')), Reflect.ownKeys(r)),
      });
      targetOf.set(rowProxy, raw(row) as object);
      return rowProxy;
    },
  });
  targetOf.set(proxy, target);
  return proxy;
}

/**
 * A hypervisor's guests, like a table: asking whether one runs, or looking
 * inside one, reads that guest; copying the set to add or remove another
 * (listing its keys) reads nothing.
 */
function guestsOf(target: object, host: HostName, note: Noter): object {
  const guests = table(target, (uuid) => res.guest(host, uuid), note);
  const proxy = new Proxy(guests, {
    has: (t, key) => (typeof key === 'string' && note(res.guest(host, key)), Reflect.has(raw(t), key)),
  });
  targetOf.set(proxy, target);
  return proxy;
}

function recordingWorld(world: World, note: Noter): World {
  const w = raw(world);
  const instanceResource = (uuid: string, field: string) =>
    field === 'host' || field === 'node' ? res.instanceHost(uuid) : res.instance(uuid);
  const names = hostsOf(w);
  const db = {
    instances: table(raw(w.db.instances), instanceResource, note),
    migrations: table(raw(w.db.migrations), (id) => res.migration(Number(id)), note),
    pciDevices: Object.fromEntries(names.map((h) => [h, leaf(raw(w.db.pciDevices[h] ?? {}), res.pciRows(h), note)])),
    computeNodes: Object.fromEntries(
      names.flatMap((h) => (w.db.computeNodes[h] ? [[h, leaf(raw(w.db.computeNodes[h]), res.computeNode(h), note)]] : [])),
    ),
    ports: table(raw(w.db.ports), (id) => res.port(id), note),
  };
  const hosts = Object.fromEntries(
    names.map((h) => {
      const host = raw(hostOf(w, h));
      const view = new Proxy(host, {
        get(t, key) {
          if (key === 'tracker') return leaf(raw(t.tracker), res.tracker(h), note);
          // The snapshot rows of a periodic view are the tracker's memory now, not database rows: seen
          // unwrapped. (An absent view cannot be told apart from one copied along; only periodic steps,
          // which declare the tracker, look for it.)
          if (key === 'periodic') {
            const p = raw(t.periodic);
            if (p === null) return null;
            const memory = { ...p, instances: p.instances?.map(raw) ?? null, migrations: p.migrations?.map(raw) ?? null };
            const proxy = leaf(memory, res.tracker(h), note);
            targetOf.set(proxy, p); // copied along, it is still the same view
            return proxy;
          }
          if (key === 'guests') return guestsOf(raw(t.guests), h, note);
          if (key === 'service') return leaf(raw(t.service), res.service(h), note);
          return Reflect.get(t, key);
        },
      });
      targetOf.set(view, host);
      return [h, view];
    }),
  );
  const view = { db, hosts } as unknown as World;
  targetOf.set(view as object, w);
  return view;
}

/** The resources written between two worlds, compared by reference. */
function writes(before: World, after: World): string[] {
  const a = raw(before);
  const b = raw(after);
  const out: string[] = [];
  const rows = <T>(x: Readonly<Record<string, T>>, y: Readonly<Record<string, T>>, onChange: (key: string, p: T | undefined, q: T | undefined) => void) => {
    for (const key of new Set([...Object.keys(raw(x)), ...Object.keys(raw(y))])) {
      const p = raw(raw(x)[key]);
      const q = raw(raw(y)[key]);
      if (p !== q) onChange(key, p, q);
    }
  };
  rows(a.db.instances, b.db.instances, (uuid, p, q) => {
    out.push(res.instance(uuid));
    // A row created without a host is not seen by a query by host: its host is written when it gets one.
    if ((p?.host ?? null) !== (q?.host ?? null) || (p?.node ?? null) !== (q?.node ?? null)) out.push(res.instanceHost(uuid));
  });
  rows(a.db.migrations, b.db.migrations, (id) => out.push(res.migration(Number(id))));
  rows(a.db.ports, b.db.ports, (id) => out.push(res.port(id)));
  for (const h of hostsOf(b)) {
    if (raw(a.db.pciDevices[h]) !== raw(b.db.pciDevices[h])) out.push(res.pciRows(h));
    if (raw(a.db.computeNodes[h]) !== raw(b.db.computeNodes[h])) out.push(res.computeNode(h));
    const x = raw(hostOf(a, h));
    const y = raw(hostOf(b, h));
    if (raw(x.tracker) !== raw(y.tracker) || raw(x.periodic) !== raw(y.periodic)) out.push(res.tracker(h));
    rows(x.guests, y.guests, (uuid) => out.push(res.guest(h, uuid)));
    if (raw(x.service) !== raw(y.service)) out.push(res.service(h));
  }
  return out;
}

const within = (resources: Iterable<string>, allowed: readonly string[]): string[] =>
  [...resources].filter((r) => !allowed.some((a) => sameResource(a, r)));

/** Run one schedule (threads chosen by `pick`) and check every transition against its footprint. */
function checkSchedule(scenario: Scenario, pick: (threads: readonly number[]) => number): string[] {
  const problems: string[] = [];
  let reads = new Set<string>();
  let written: string[] = [];
  const note: Noter = (r) => void reads.add(r);
  // Keeps the step names and the writes; never reads a world through the lens (no words, no diff).
  const names: string[] = [];
  const recorder: TraceRecorder = {
    keepsSteps: true,
    get size() {
      return names.length;
    },
    count: () => names.push('?') - 1,
    record(draft, before, after) {
      written.push(...writes(before, after));
      return names.push(draft.name) - 1;
    },
  };
  let transition = 0;
  runEngine({
    world: raceOf(scenario).initialWorld(scenario),
    actors: actorsFor(scenario),
    jitter: 0,
    seed: 0,
    limits: MODEL_LIMITS,
    recorder,
    lens: (w) => recordingWorld(w, note),
    scheduler: untimedScheduler((threads) => {
      reads = new Set();
      written = [];
      return pick(threads);
    }),
    onTransition: (thread, footprint: Footprint, _enabledBy, declared) => {
      const step = names.at(-1);
      const where = `transition ${transition} (thread ${thread}${step ? `, last step ${step}` : ''})`;
      const unreadable = within(reads, footprint.reads);
      const unwritable = within(written, footprint.writes);
      if (unreadable.length > 0) problems.push(`${where} read ${unreadable.join(', ')} outside ${footprint.reads.join(', ')}`);
      if (unwritable.length > 0) problems.push(`${where} wrote ${unwritable.join(', ')} outside ${footprint.writes.join(', ')}`);
      if (declared) {
        const lockless = (rs: readonly string[]) => rs.filter((r) => !r.startsWith('lock:'));
        const wider = [...within(lockless(footprint.reads), declared.reads), ...within(lockless(footprint.writes), declared.writes)];
        if (wider.length > 0) problems.push(`${where} reported ${wider.join(', ')} beyond what its step declares`);
      }
      transition++;
    },
  });
  return problems;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    preset: fc.constantFrom('nova-test' as const, 'production' as const),
    fix: fc.boolean(),
    periodicRuns: fc.integer({ min: 1, max: 3 }),
    periodicAt: fc.integer({ min: 0, max: 6000 }),
    bootAt: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    host1UpAt: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  })
  .map((r) => ({ ...defaultScenario(r.preset), ...r }));

/** The usage races, buggy and fixed, with one to three `_run_periodics()` calls anywhere. */
const usageScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    race: fc.constantFrom(...(RACE_IDS.filter((r) => r !== '1896463') as RaceId[])),
    fix: fc.boolean(),
    periodicRuns: fc.integer({ min: 1, max: 3 }),
    periodicAt: fc.integer({ min: 0, max: 3000 }),
  })
  .map((r) => ({ ...defaultScenario('nova-test', r.race), ...r }));

describe('footprints', () => {
  it('no step touches what it does not declare, on random schedules of random scenarios', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (scenario, dice) => {
        let roll = 0;
        const problems = checkSchedule(scenario, (threads) => threads[dice[roll++ % dice.length]! % threads.length]!);
        expect(problems).toEqual([]);
      }),
      { numRuns: 150, seed: 1896 },
    );
  });

  it('no step of two evacuations at once touches what it does not declare, on random schedules', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (drawn, dice) => {
        let roll = 0;
        const problems = checkSchedule({ ...drawn, evacuees: 2 }, (threads) => threads[dice[roll++ % dice.length]! % threads.length]!);
        expect(problems).toEqual([]);
      }),
      { numRuns: 150, seed: 1896463 },
    );
  });

  it('no step of the usage races touches what it does not declare, on random schedules', () => {
    fc.assert(
      fc.property(usageScenarioArb, fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (scenario, dice) => {
        let roll = 0;
        const problems = checkSchedule(scenario, (threads) => threads[dice[roll++ % dice.length]! % threads.length]!);
        expect(problems).toEqual([]);
      }),
      { numRuns: 150, seed: 1879878 },
    );
  });

  it('the check notices a step that touches more than it declares', () => {
    // Reading every instance row is more than "the listed ones": as if the actual footprint of the instance list were too narrow.
    const narrow = (w: World) => recordingWorld(w, () => {});
    expect(narrow(initialWorld()).db.instances['inst-A']!.host).toBe('host1');
    const reads = new Set<string>();
    const view = recordingWorld(initialWorld(), (r) => void reads.add(r));
    void view.db.instances['inst-A']!.vmState;
    void view.hosts.host2!.tracker.devices;
    void ('inst-A' in view.hosts.host1!.guests);
    expect([...reads].sort()).toEqual(['hypervisor:host1:inst-A', 'instance:inst-A', 'tracker:host2']);
    expect(within(reads, ['instance:*', 'tracker:host2'])).toEqual(['hypervisor:host1:inst-A']);
    expect(within(reads, ['instance:*', 'tracker:host2', res.hypervisor('host1')])).toEqual([]);
    // One guest is not another, and listing the guests reads every one of them.
    expect(within(['hypervisor:host1:inst-A'], [res.guest('host1', 'inst-C')])).toEqual(['hypervisor:host1:inst-A']);
    const copied = new Set<string>();
    const guests = recordingWorld(initialWorld(), (r) => void copied.add(r)).hosts.host1!.guests;
    void { ...guests };
    expect([...copied]).toEqual([]);
    void guests['inst-A']!.pciDevices;
    expect([...copied]).toEqual(['hypervisor:host1:inst-A']);
    const after = { ...initialWorld(), db: { ...initialWorld().db, migrations: { 7: { id: 7 } } } } as unknown as World;
    expect(writes(initialWorld(), after)).toEqual(['migration:7']);
  });
});
