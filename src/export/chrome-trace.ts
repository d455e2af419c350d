/**
 * The trace as Chrome Trace Event JSON (the "JSON Object Format"), which
 * Perfetto UI and chrome://tracing open: one process per host plus one for
 * the API and conductor, one track per thread, every step a complete (`X`)
 * event, lock holds as enclosing events, lock waits as their own events,
 * flows between the evacuation's writes and the host2 reads that missed
 * them, and an instant for every broken invariant. Times are microseconds
 * (the model's are milliseconds). The scenario's query in `otherData` is
 * what an import reads back.
 */
import { NOVA_REFS, novaUrl, type NovaRef } from '../model/nova-refs';
import { RACE_INFO } from '../model/races/catalog';
import type { HostName, Lane, RaceId, StepRow, Trace, TraceStep } from '../model/types';
import { isUsageOutcome, LANES } from '../model/types';
import { type ExportContext, scenarioLink, scenarioQuery } from './links';
import { missedWrites } from './race-facts';
import type { TraceEvent, TraceEventFile } from './trace-event-schema';

type Slice = Extract<TraceEvent, { ph: 'X' }>;
import { verdictTitle } from './verdict-text';

export const GENERATOR = 'Racelab';
/** Bumped when the file's meaning changes; an import refuses what it does not know. */
export const EXPORT_FORMAT = 1;

const US_PER_MS = 1000;
const us = (ms: number): number => Math.round(ms * US_PER_MS);

type Process = 'api' | HostName;
const PROCESSES: readonly Process[] = ['api', 'host1', 'host2', 'compute1'];
const PROCESS_NAME: Readonly<Record<Process, string>> = {
  api: 'nova-api / nova-conductor',
  host1: 'host1 (nova-compute, source)',
  host2: 'host2 (nova-compute, destination)',
  compute1: 'compute1 (nova-compute)',
};
const pidOf = (p: Process): number => PROCESSES.indexOf(p) + 1;

const THREAD_NAME: Readonly<Record<Lane, string>> = {
  api: 'evacuate (API, conductor)',
  evacuation: 'rebuild_instance (evacuation)',
  'periodic-host1': 'update_available_resource (host1)',
  'periodic-host2': 'update_available_resource (host2)',
  boot: 'new server boot',
  'host1-restart': 'host1 restart (init_host)',
  'confirm-resize': 'confirm_resize (source)',
  'revert-resize': 'revert_resize (destination)',
  'finish-revert-resize': 'finish_revert_resize (source)',
  unshelve: 'unshelve_instance',
  'periodic-compute1': 'update_available_resource (compute1)',
  'evacuation-2': 'rebuild_instance (evacuation of inst-C)',
};
/** Tracks keep the lanes' order on every process. */
const tidOf = (lane: Lane): number => LANES.indexOf(lane) + 1;

const processOf = (step: StepRow): Process => step.host ?? 'api';

function novaRef(step: StepRow): NovaRef | null {
  return (NOVA_REFS as Readonly<Record<string, NovaRef>>)[step.nova] ?? null;
}

function category(step: StepRow): string {
  if (step.lock === 'waited') return 'lock';
  if (step.sleep) return 'sleep';
  return step.kind ? `nova,${step.kind}` : 'nova';
}

function stepArgs(step: TraceStep): Record<string, unknown> {
  const ref = novaRef(step);
  const args: Record<string, unknown> = { step: step.index, label: step.label };
  if (ref) {
    args.nova = ref.function;
    args.code = novaUrl(ref);
  }
  if (step.kind) args.kind = step.kind;
  if (step.lock !== 'none') args.lock = `${step.lock} ${step.lockName ?? ''}`.trim();
  if (step.address) args.address = step.address;
  if (step.read) args.read = step.read;
  if (step.changes.length > 0) args.changes = Object.fromEntries(step.changes.map((c) => [c.path, `${c.before} → ${c.after}`]));
  return args;
}

/** The API thread is named by its operation; #1896463's keeps its old name. */
function threadName(lane: Lane, race: RaceId): string {
  if (lane !== 'api' || race === '1896463') return THREAD_NAME[lane];
  return `${RACE_INFO[race].operation} (API, conductor)`;
}

function metadataEvents(used: ReadonlyMap<Process, ReadonlySet<Lane>>, race: RaceId): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const p of PROCESSES) {
    const lanes = used.get(p);
    if (!lanes) continue;
    const pid = pidOf(p);
    out.push({ name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: PROCESS_NAME[p] } });
    out.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid, tid: 0, args: { sort_index: pid } });
    for (const lane of LANES.filter((l) => lanes.has(l))) {
      out.push({ name: 'thread_name', ph: 'M', ts: 0, pid, tid: tidOf(lane), args: { name: threadName(lane, race) } });
      out.push({ name: 'thread_sort_index', ph: 'M', ts: 0, pid, tid: tidOf(lane), args: { sort_index: tidOf(lane) } });
    }
  }
  return out;
}

/** A lock span belongs to the process of the steps its thread ran while holding it. */
function lockEvents(trace: Trace, endTime: number): Slice[] {
  return trace.lockSpans.flatMap((span) => {
    const released = span.releasedAt ?? endTime;
    const inside = trace.steps.find((s) => s.thread === span.thread && s.start >= span.acquiredAt && s.end <= released && s.lock === 'held');
    if (!inside) return [];
    const event: Slice = {
      name: `holds ${span.lock}`, cat: 'lock', ph: 'X', ts: us(span.acquiredAt), dur: us(released) - us(span.acquiredAt),
      pid: pidOf(processOf(inside)), tid: tidOf(span.thread),
      args: { lock: span.lock, requested_ms: span.requestedAt, acquired_ms: span.acquiredAt, released_ms: span.releasedAt },
    };
    return [event];
  });
}

/** A point inside a step's slice that no neighbour shares (flows bind to the slice around them). */
const midpoint = (step: StepRow): number => Math.floor((us(step.start) + us(step.end)) / 2);

/**
 * Flows run forward in time, from the earlier event to the later one:
 * trace viewers drop a flow whose end precedes its start. So snapshot 1
 * (read before the host save) points at the write it missed, and the
 * `'done'` write points at the snapshot 2 that came too late.
 */
function flowEvents(trace: Trace): TraceEvent[] {
  return missedWrites(trace).flatMap((missed, i) => {
    const [from, to] = missed.read.index < missed.write.index ? [missed.read, missed.write] : [missed.write, missed.read];
    const name = missed.which === 1 ? 'snapshot 1 read before the host save' : "snapshot 2 read after 'done'";
    const common = { name, cat: 'race', id: i + 1 };
    const args = { run: missed.run, read_step: missed.read.index, write_step: missed.write.index, harmless: missed.harmless };
    // Steps are numbered in the order their effects land (at their ends), so from.end <= to.end:
    // a later midpoint for the end always exists inside `to` when the two steps overlap.
    const startTs = midpoint(from);
    const endTs = Math.max(midpoint(to), startTs);
    return [
      { ...common, ph: 's', ts: startTs, pid: pidOf(processOf(from)), tid: tidOf(from.thread), args },
      { ...common, ph: 'f', bp: 'e', ts: endTs, pid: pidOf(processOf(to)), tid: tidOf(to.thread), args },
    ] satisfies TraceEvent[];
  });
}

function violationEvents(trace: Trace): TraceEvent[] {
  return trace.violations.flatMap((v) => {
    const step = trace.steps[v.step];
    if (!step) return [];
    return [{
      name: `invariant broken: ${v.invariant}`, cat: 'invariant', ph: 'i', s: 't', ts: us(v.time),
      pid: pidOf(processOf(step)), tid: tidOf(step.thread),
      args: { message: v.message, step: v.step, host: v.host, address: v.address, instance: v.instance },
    }] satisfies TraceEvent[];
  });
}

/** Parents before children: by track, then start, then longest first. */
function bySliceOrder(a: Slice, b: Slice): number {
  return a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || b.dur - a.dur;
}

/**
 * The Chrome Trace Event file for one trace.
 *
 * @example toChromeTrace(trace, { scenario, cursor: null, baseUrl }).traceEvents.length
 */
export function toChromeTrace(trace: Trace, ctx: ExportContext): TraceEventFile {
  const used = new Map<Process, Set<Lane>>();
  for (const step of trace.steps) {
    const p = processOf(step);
    if (!used.has(p)) used.set(p, new Set());
    used.get(p)!.add(step.thread);
  }
  const steps: Slice[] = trace.steps.map((step) => ({
    name: step.name, cat: category(step), ph: 'X', ts: us(step.start), dur: us(step.end) - us(step.start),
    pid: pidOf(processOf(step)), tid: tidOf(step.thread), args: stepArgs(step),
  }));
  const slices = [...lockEvents(trace, trace.endTime), ...steps].sort(bySliceOrder);
  const { verdict } = trace;
  return {
    traceEvents: [...metadataEvents(used, ctx.scenario.race), ...slices, ...flowEvents(trace), ...violationEvents(trace)],
    displayTimeUnit: 'ms',
    otherData: {
      generator: GENERATOR,
      format: EXPORT_FORMAT,
      race: ctx.scenario.race,
      bug: RACE_INFO[ctx.scenario.race].refs.bugUrl,
      query: scenarioQuery(ctx.scenario),
      link: scenarioLink(ctx),
      traceHash: trace.traceHash,
      verdict: verdictTitle(verdict),
      reason: verdict.reason,
      ...(isUsageOutcome(verdict)
        ? { usage: JSON.stringify(verdict.usage), usageWhenFinished: JSON.stringify(verdict.usageWhenFinished) }
        : { pciAllocated: `host1: ${verdict.pciAllocated.host1}, host2: ${verdict.pciAllocated.host2}` }),
      timeUnit: 'model milliseconds, written as microseconds (ts/dur)',
    },
  };
}
