/**
 * A trace across the worker boundary, compact: the steps as columns of
 * typed arrays (sent as transferable buffers) over one table of strings,
 * the periodic runs likewise, and the small rest as plain data. No world is
 * sent: the worker keeps them and answers for the step at the cursor.
 *
 * 7,009 steps go across in about a tenth of what a structured clone of the
 * full trace took (see `npm run bench:json`, `traceBytes`).
 */
import { ALL_HOSTS, LANES, type Lane, type LockSpan, type LockUse, type PeriodicRun, type Snapshot, type SnapshotStatus, type StepKind, type StepRow, type Trace, type TraceView } from '../model';

const LOCK_USES: readonly LockUse[] = ['none', 'held', 'waited'];
const KINDS: readonly (StepKind | null)[] = [
  null, 'claim', 'instance-list', 'migration-list', 'clean-usage', 'host-saved', 'context-dropped', 'migration-done', 'pci-freed',
  'migration-status', 'claim-dropped', 'usage-saved',
];
const STATUSES: readonly SnapshotStatus[] = ['seen', 'missed', 'gap'];
const HOST_NAMES = ALL_HOSTS;

/** Per step: name, label, lockName, address, nova, read (string ids; 0 = none). */
const TEXT_FIELDS = 6;
/** Per step: thread, lock use, kind, sleep, host (0 = none, else 1 + its index). */
const CODE_FIELDS = 5;
/** Per run: run, host, then per snapshot: step, time, status (step -1 = none), then lost. */
const RUN_FIELDS = 9;

export interface EncodedTrace {
  readonly strings: readonly string[];
  /** start, end per step. */
  readonly times: Int32Array;
  readonly codes: Uint8Array;
  readonly text: Uint16Array | Uint32Array;
  /** requestedAt, acquiredAt, releasedAt (-1 while held), thread, lock name id per span. */
  readonly spans: Int32Array;
  readonly runs: Int32Array;
  readonly rest: Omit<TraceView, 'steps' | 'lockSpans' | 'race'> & { readonly race: Omit<TraceView['race'], 'runs'> };
}

const SPAN_FIELDS = 5;

class StringTable {
  readonly strings: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  /** The id of `text`; 0 stands for `null`, so '' and null both come back as 0 (and decode as null). */
  id(text: string | null): number {
    if (text === null) return 0;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

function encodeRuns(runs: readonly PeriodicRun[]): Int32Array {
  const out = new Int32Array(runs.length * RUN_FIELDS);
  runs.forEach((r, i) => {
    const o = i * RUN_FIELDS;
    out[o] = r.run;
    out[o + 1] = HOST_NAMES.indexOf(r.host);
    for (const [j, snap] of [r.first, r.second].entries()) {
      out[o + 2 + j * 3] = snap ? snap.step : -1;
      out[o + 3 + j * 3] = snap ? snap.time : 0;
      out[o + 4 + j * 3] = snap ? STATUSES.indexOf(snap.status) : 0;
    }
    out[o + 8] = r.lost ? 1 : 0;
  });
  return out;
}

function decodeRuns(ints: Int32Array): PeriodicRun[] {
  const runs: PeriodicRun[] = [];
  for (let o = 0; o < ints.length; o += RUN_FIELDS) {
    const snap = (which: 1 | 2): Snapshot | null => {
      const j = (which - 1) * 3;
      const step = ints[o + 2 + j]!;
      return step < 0 ? null : { which, step, time: ints[o + 3 + j]!, status: STATUSES[ints[o + 4 + j]!]! };
    };
    runs.push({ run: ints[o]!, host: HOST_NAMES[ints[o + 1]!]!, first: snap(1), second: snap(2), lost: ints[o + 8] === 1 });
  }
  return runs;
}

/**
 * The trace as it crosses to the main thread, with the buffers to transfer.
 *
 * @example const { message, transfer } = encodeTrace(simulate(defaultScenario())); postMessage(message, transfer)
 */
export function encodeTrace(trace: Trace): { message: EncodedTrace; transfer: ArrayBuffer[] } {
  const table = new StringTable();
  const n = trace.steps.length;
  const times = new Int32Array(n * 2);
  const codes = new Uint8Array(n * CODE_FIELDS);
  const ids = new Uint32Array(n * TEXT_FIELDS);
  trace.steps.forEach((s, i) => {
    times[i * 2] = s.start;
    times[i * 2 + 1] = s.end;
    const c = i * CODE_FIELDS;
    codes[c] = LANES.indexOf(s.thread);
    codes[c + 1] = LOCK_USES.indexOf(s.lock);
    codes[c + 2] = KINDS.indexOf(s.kind);
    codes[c + 3] = s.sleep ? 1 : 0;
    codes[c + 4] = s.host === null ? 0 : 1 + HOST_NAMES.indexOf(s.host);
    const t = i * TEXT_FIELDS;
    ids[t] = table.id(s.name);
    ids[t + 1] = table.id(s.label);
    ids[t + 2] = table.id(s.lockName);
    ids[t + 3] = table.id(s.address);
    ids[t + 4] = table.id(s.nova);
    ids[t + 5] = table.id(s.read);
  });
  const text = table.strings.length <= 0xffff ? Uint16Array.from(ids) : ids;
  const spans = new Int32Array(trace.lockSpans.length * SPAN_FIELDS);
  trace.lockSpans.forEach((span, i) => {
    const o = i * SPAN_FIELDS;
    spans[o] = span.requestedAt;
    spans[o + 1] = span.acquiredAt;
    spans[o + 2] = span.releasedAt ?? -1;
    spans[o + 3] = LANES.indexOf(span.thread);
    spans[o + 4] = table.id(span.lock);
  });
  const runs = encodeRuns(trace.race.runs);
  const { runs: _runs, ...race } = trace.race;
  const message: EncodedTrace = {
    strings: table.strings,
    times,
    codes,
    text,
    spans,
    runs,
    rest: {
      violations: trace.violations,
      race,
      verdict: trace.verdict,
      stopped: trace.stopped,
      endTime: trace.endTime,
      traceHash: trace.traceHash,
    },
  };
  return { message, transfer: [times.buffer, codes.buffer, text.buffer, spans.buffer, runs.buffer] as ArrayBuffer[] };
}

/**
 * The trace as the screen holds it.
 *
 * @example decodeTrace(encodeTrace(trace).message).steps[0].name // the same as trace.steps[0].name
 */
export function decodeTrace(enc: EncodedTrace): TraceView {
  const { strings, times, codes, text } = enc;
  const str = (id: number): string | null => (id === 0 ? null : strings[id]!);
  const n = times.length / 2;
  const steps: StepRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = i * CODE_FIELDS;
    const t = i * TEXT_FIELDS;
    steps[i] = {
      index: i,
      thread: LANES[codes[c]!] as Lane,
      host: codes[c + 4] === 0 ? null : HOST_NAMES[codes[c + 4]! - 1]!,
      name: str(text[t]!) ?? '',
      label: str(text[t + 1]!) ?? '',
      start: times[i * 2]!,
      end: times[i * 2 + 1]!,
      lock: LOCK_USES[codes[c + 1]!]!,
      lockName: str(text[t + 2]!),
      kind: KINDS[codes[c + 2]!] ?? null,
      address: str(text[t + 3]!),
      sleep: codes[c + 3] === 1,
      nova: str(text[t + 4]!) ?? '',
      read: str(text[t + 5]!),
    };
  }
  const lockSpans: LockSpan[] = [];
  for (let o = 0; o < enc.spans.length; o += SPAN_FIELDS) {
    const released = enc.spans[o + 2]!;
    lockSpans.push({
      requestedAt: enc.spans[o]!,
      acquiredAt: enc.spans[o + 1]!,
      releasedAt: released < 0 ? null : released,
      thread: LANES[enc.spans[o + 3]!] as Lane,
      lock: str(enc.spans[o + 4]!) ?? '',
    });
  }
  return { ...enc.rest, steps, lockSpans, race: { ...enc.rest.race, runs: decodeRuns(enc.runs) } };
}
