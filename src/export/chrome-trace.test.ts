import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate';
import { defaultScenario } from '../model/scenario';
import { toChromeTrace } from './chrome-trace';
import { BASE_URL, ctxFor, scenarioArb } from './test-scenarios';
import { type TraceEvent, traceEventProblems } from './trace-event-schema';

function exportOf(overrides: Parameters<typeof ctxFor>[0] = {}) {
  const ctx = ctxFor(overrides);
  const trace = simulate(ctx.scenario);
  return { trace, file: toChromeTrace(trace, ctx) };
}

const ofPhase = <P extends TraceEvent['ph']>(events: readonly TraceEvent[], ph: P) =>
  events.filter((e): e is Extract<TraceEvent, { ph: P }> => e.ph === ph);

describe('toChromeTrace', () => {
  it('follows the Trace Event format for the Nova test, the fix and a busy production run', () => {
    expect(traceEventProblems(exportOf().file)).toEqual([]);
    expect(traceEventProblems(exportOf({ fix: true }).file)).toEqual([]);
    expect(traceEventProblems(exportOf({ preset: 'production', periodicRuns: 5, bootAt: 3000, host1UpAt: 1500, jitter: 40 }).file)).toEqual([]);
  });

  it('keeps a flow forward in time when the write and the read overlap', () => {
    // Found by the property below: the boot's steps overlap snapshot 1 and the host save.
    const scenario = { ...defaultScenario(), dropDelay: 0, migDelay: 0, spawn: 0, dbLatency: 7, claimAt: 0, periodicAt: 0, jitter: 71, seed: 103, bootAt: 51 };
    expect(traceEventProblems(toChromeTrace(simulate(scenario), { scenario, cursor: null, baseUrl: BASE_URL }))).toEqual([]);
  });

  it('follows the format for any scenario (nesting, flows, names)', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        expect(traceEventProblems(toChromeTrace(trace, { scenario, cursor: null, baseUrl: BASE_URL }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('writes every step as a complete event in microseconds, with its Nova function and changes', () => {
    const { trace, file } = exportOf();
    const steps = ofPhase(file.traceEvents, 'X').filter((e) => e.cat !== 'lock' || e.name === 'wait for lock');
    expect(steps).toHaveLength(trace.steps.length);
    const claim = trace.steps.find((s) => s.kind === 'claim')!;
    const event = steps.find((e) => e.args?.step === claim.index)!;
    expect(event).toMatchObject({ name: 'rebuild_claim', ts: claim.start * 1000, dur: (claim.end - claim.start) * 1000 });
    expect(event.args).toMatchObject({ kind: 'claim', nova: expect.stringContaining('rebuild_claim') });
    expect(Object.keys(event.args?.changes as object)).toContain('migrations[1].status');
    const read = steps.find((e) => e.name === 'InstanceList.get_by_host_and_node' && e.pid === 3)!;
    expect(read.args?.read).toMatch(/host=host2/);
  });

  it('puts each host in its own process and each thread on its own named track', () => {
    const { file } = exportOf();
    const names = ofPhase(file.traceEvents, 'M');
    expect(names.filter((e) => e.name === 'process_name').map((e) => e.args)).toEqual([
      { name: 'nova-api / nova-conductor' },
      { name: 'host1 (nova-compute, source)' },
      { name: 'host2 (nova-compute, destination)' },
    ]);
    const host2Threads = names.filter((e) => e.name === 'thread_name' && e.pid === 3).map((e) => e.args);
    expect(host2Threads).toEqual([{ name: 'rebuild_instance (evacuation)' }, { name: 'update_available_resource (host2)' }]);
  });

  it('shows lock waits and lock holds as their own events', () => {
    const { file } = exportOf();
    const slices = ofPhase(file.traceEvents, 'X');
    const waits = slices.filter((e) => e.name === 'wait for lock');
    expect(waits.map((e) => e.cat)).toEqual(['lock', 'lock']);
    expect(slices.filter((e) => e.name === 'holds compute_resources')).toHaveLength(3);
  });

  it('links each write to the host2 read that missed it, forward in time', () => {
    const { file } = exportOf();
    const starts = ofPhase(file.traceEvents, 's');
    const ends = ofPhase(file.traceEvents, 'f');
    expect(starts.map((e) => e.id)).toEqual(ends.map((e) => e.id));
    expect(starts.map((e) => e.name)).toEqual(['snapshot 1 read before the host save', "snapshot 2 read after 'done'"]);
    expect(ends.every((e) => e.bp === 'e')).toBe(true);
    // Snapshot 1 (2343-2353 ms) came before the host save; 'done' (3423 ms) before snapshot 2.
    expect(starts.map((e) => e.ts)).toEqual([2_348_000, 3_418_000]);
    expect(ends.map((e) => e.ts)).toEqual([2_398_000, 4_359_000]);
    // With the fix snapshot 1 still comes before the host save, but snapshot 2 saw the migration: harmless.
    const fixed = ofPhase(exportOf({ fix: true }).file.traceEvents, 's');
    expect(fixed.map((e) => [e.name, e.args?.harmless])).toEqual([['snapshot 1 read before the host save', true]]);
  });

  it('marks broken invariants with instant events and carries the scenario in otherData', () => {
    const { trace, file } = exportOf();
    const instants = ofPhase(file.traceEvents, 'i');
    expect(instants).toHaveLength(trace.violations.length);
    expect(instants[0]).toMatchObject({ s: 't', ts: 4_366_000, pid: 3, name: 'invariant broken: guest-devices-allocated' });
    expect(file.otherData).toMatchObject({
      generator: 'Racelab', query: 'v=1', link: 'http://127.0.0.1:5173/?v=1', traceHash: trace.traceHash,
      verdict: 'PCI allocation LOST on host2',
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(exportOf({ jitter: 30, seed: 9 }).file)).toBe(JSON.stringify(exportOf({ jitter: 30, seed: 9 }).file));
  });
});

describe('traceEventProblems', () => {
  const slice = { name: 'a', cat: 'c', ph: 'X', ts: 0, dur: 10, pid: 1, tid: 1 } as const;
  const names = [
    { name: 'process_name', ph: 'M', ts: 0, pid: 1, tid: 0, args: { name: 'p' } },
    { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 't' } },
  ];

  it('finds missing fields, partial overlaps, unmatched flows and unnamed tracks', () => {
    expect(traceEventProblems({ traceEvents: [{ ph: 'X', ts: 0, pid: 1, tid: 1 }] })[0]).toMatch(/traceEvents\.0/);
    expect(traceEventProblems({ traceEvents: [...names, slice, { ...slice, name: 'b', ts: 5 }] })).toEqual([
      'track 1/1: "b" at 5 µs overlaps "a" without nesting in it',
    ]);
    expect(traceEventProblems({ traceEvents: [...names, slice, { ...slice, name: 'b', ts: 2, dur: 3 }] })).toEqual([]);
    const flow = { name: 'f', cat: 'race', id: 1, pid: 1, tid: 1 };
    expect(traceEventProblems({ traceEvents: [...names, slice, { ...flow, ph: 's', ts: 5 }] })).toEqual([
      'flow 1: 1 start(s) and 0 end(s), expected one of each',
    ]);
    expect(traceEventProblems({ traceEvents: [...names, slice, { ...flow, ph: 's', ts: 5 }, { ...flow, ph: 'f', ts: 4 }] })).toEqual([
      'flow 1: ends at 4 µs, before it starts at 5 µs',
      'flow 1: the end has no bp "e", so it would bind to the next slice',
    ]);
    expect(traceEventProblems({ traceEvents: [slice] })).toEqual(['pid 1 has no process_name', 'track 1/1 has no thread_name']);
    expect(traceEventProblems({ traceEvents: [...names, { ...slice, ts: -1 }] })[0]).toMatch(/traceEvents\.2\.ts/);
  });
});
