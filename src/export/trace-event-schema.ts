/**
 * The part of the Trace Event Format that Racelab writes, as a valibot
 * schema, and the rules a schema cannot say: balanced nesting of complete
 * events per track, flows whose ends match and bind to slices, and names for
 * every process and thread. Written from the format's documentation ("Trace
 * Event Format", JSON Object Format): `ts` and `dur` are microseconds;
 * `X` = complete event; `i` = instant with scope `g`/`p`/`t`; `s`/`f` = flow
 * start/end sharing `cat`, `name` and `id`, where `bp: "e"` binds the end to
 * the enclosing slice; `M` = metadata (`process_name`, `thread_name`, ...).
 * The exporter's tests and the importer both use it.
 */
import * as v from 'valibot';

/** More events than any trace of the model's limits gives (25,000 steps). */
export const MAX_EVENTS = 100_000;
const MAX_TEXT = 10_000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const micros = v.pipe(v.number(), v.finite(), v.minValue(0));
const id = v.pipe(v.number(), v.integer(), v.minValue(0));
const args = v.record(v.pipe(v.string(), v.maxLength(200)), v.unknown());

const base = { name: text, ts: micros, pid: id, tid: id };

const completeEvent = v.strictObject({ ...base, ph: v.literal('X'), cat: text, dur: micros, args: v.optional(args) });
const instantEvent = v.strictObject({ ...base, ph: v.literal('i'), cat: text, s: v.picklist(['g', 'p', 't']), args: v.optional(args) });
const flowStart = v.strictObject({ ...base, ph: v.literal('s'), cat: text, id, args: v.optional(args) });
const flowEnd = v.strictObject({ ...base, ph: v.literal('f'), cat: text, id, bp: v.optional(v.literal('e')), args: v.optional(args) });
const metadataEvent = v.strictObject({
  ...base,
  ph: v.literal('M'),
  name: v.picklist(['process_name', 'thread_name', 'process_sort_index', 'thread_sort_index']),
  args: v.union([v.strictObject({ name: text }), v.strictObject({ sort_index: v.pipe(v.number(), v.integer()) })]),
});

export const traceEventSchema = v.variant('ph', [completeEvent, instantEvent, flowStart, flowEnd, metadataEvent]);

export const traceEventFileSchema = v.strictObject({
  traceEvents: v.pipe(v.array(traceEventSchema), v.maxLength(MAX_EVENTS)),
  displayTimeUnit: v.optional(v.picklist(['ms', 'ns'])),
  otherData: v.optional(v.record(v.pipe(v.string(), v.maxLength(200)), v.union([v.string(), v.number(), v.boolean(), v.null()]))),
});

export type TraceEvent = v.InferOutput<typeof traceEventSchema>;
export type TraceEventFile = v.InferOutput<typeof traceEventFileSchema>;

type Complete = Extract<TraceEvent, { ph: 'X' }>;
const trackKey = (e: { pid: number; tid: number }): string => `${e.pid}/${e.tid}`;

function groupSlices(events: readonly TraceEvent[]): Map<string, Complete[]> {
  const tracks = new Map<string, Complete[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const list = tracks.get(trackKey(e)) ?? [];
    list.push(e);
    tracks.set(trackKey(e), list);
  }
  for (const list of tracks.values()) list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return tracks;
}

/** Complete events on one track must nest: a child ends no later than its parent. */
function nestingProblems(tracks: ReadonlyMap<string, readonly Complete[]>): string[] {
  const problems: string[] = [];
  for (const [track, slices] of tracks) {
    const open: Complete[] = [];
    for (const e of slices) {
      while (open.length > 0 && open[open.length - 1]!.ts + open[open.length - 1]!.dur <= e.ts) open.pop();
      const parent = open[open.length - 1];
      if (parent && e.ts + e.dur > parent.ts + parent.dur) {
        problems.push(`track ${track}: "${e.name}" at ${e.ts} µs overlaps "${parent.name}" without nesting in it`);
      }
      open.push(e);
    }
  }
  return problems;
}

function insideSlice(tracks: ReadonlyMap<string, readonly Complete[]>, e: TraceEvent): boolean {
  return (tracks.get(trackKey(e)) ?? []).some((s) => e.ts >= s.ts && e.ts <= s.ts + s.dur);
}

/** Each flow id has one start and one end, with the same cat and name, in time order, each on a slice. */
function flowProblems(events: readonly TraceEvent[], tracks: ReadonlyMap<string, readonly Complete[]>): string[] {
  const problems: string[] = [];
  const flows = new Map<number, TraceEvent[]>();
  for (const e of events) if (e.ph === 's' || e.ph === 'f') flows.set(e.id, [...(flows.get(e.id) ?? []), e]);
  for (const [flowId, ends] of flows) {
    const start = ends.filter((e) => e.ph === 's');
    const end = ends.filter((e) => e.ph === 'f');
    if (start.length !== 1 || end.length !== 1) {
      problems.push(`flow ${flowId}: ${start.length} start(s) and ${end.length} end(s), expected one of each`);
      continue;
    }
    const [s, f] = [start[0]!, end[0]!];
    if (s.name !== f.name || s.cat !== f.cat) problems.push(`flow ${flowId}: start and end differ in name or cat`);
    if (f.ts < s.ts) problems.push(`flow ${flowId}: ends at ${f.ts} µs, before it starts at ${s.ts} µs`);
    if (f.ph === 'f' && f.bp !== 'e') problems.push(`flow ${flowId}: the end has no bp "e", so it would bind to the next slice`);
    for (const e of [s, f]) if (!insideSlice(tracks, e)) problems.push(`flow ${flowId}: "${e.ph}" at ${e.ts} µs is on no slice of track ${trackKey(e)}`);
  }
  return problems;
}

/** Every process and thread that has events is named. */
function nameProblems(events: readonly TraceEvent[]): string[] {
  const processes = new Set<number>();
  const threads = new Set<string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processes.add(e.pid);
    if (e.name === 'thread_name') threads.add(trackKey(e));
  }
  const problems = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M') continue;
    if (!processes.has(e.pid)) problems.add(`pid ${e.pid} has no process_name`);
    if (!threads.has(trackKey(e))) problems.add(`track ${trackKey(e)} has no thread_name`);
  }
  return [...problems];
}

/**
 * Everything wrong with a parsed file as a Trace Event file, `[]` when it is fine.
 *
 * @example traceEventProblems(toChromeTrace(trace, ctx)) // []
 */
export function traceEventProblems(json: unknown): string[] {
  const parsed = v.safeParse(traceEventFileSchema, json);
  if (!parsed.success) {
    return parsed.issues.slice(0, 5).map((issue) => `${v.getDotPath(issue) ?? 'file'}: ${issue.message}`);
  }
  const events = parsed.output.traceEvents;
  const tracks = groupSlices(events);
  return [...nestingProblems(tracks), ...flowProblems(events, tracks), ...nameProblems(events)];
}
