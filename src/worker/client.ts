/**
 * The main-thread side of the worker: latest request wins (replies to older
 * requests are dropped), and a worker that dies is replaced and given the
 * latest request again. Traces arrive compact and are decoded here; the
 * worlds around the cursor's step are asked for separately.
 */
import type { Scenario, StepWorlds, TraceView, Verdict } from '../model';
import { newSimWorker, takeEarlySimWorker } from './early';
import { assertNever, type PartialTrace, type SimRequest, type SimResponse } from './protocol';
import { decodeTrace } from './trace-codec';

export interface SimClientEvents {
  /** The newest request's verdict, from the fast path, before its trace. */
  onPreview?(preview: { id: number; verdict: Verdict; elapsedMs: number }): void;
  /** The newest request's trace; with `partial`, its steps up to `partial.until` (the whole trace follows). */
  onResult(result: { id: number; trace: TraceView; elapsedMs: number; partial: PartialTrace | null }): void;
  /** The worlds around a step of a trace, for the newest `worlds` request. */
  onWorlds?(worlds: { traceId: number; worlds: StepWorlds }): void;
  /** The newest request failed in the model or was rejected (`scheduleMismatch`: its schedule does not fit). */
  onError(message: string, scheduleMismatch?: boolean): void;
  /** The worker died; `willRetry` says whether the latest request was sent to a fresh one. */
  onCrash(message: string, willRetry: boolean): void;
}

export interface SimClient {
  /** Ask for a simulation; returns its request id (which names its trace). `until`: send the steps up to there first. */
  run(scenario: Scenario, until?: number): number;
  /** Ask for the worlds around `step` of the trace that request `traceId` produced. */
  requestWorlds(traceId: number, step: number): void;
  /** Make the worker die, to exercise recovery. */
  crash(): void;
  dispose(): void;
}

/** Give up re-sending after this many crashes in a row without a result. */
const MAX_CONSECUTIVE_CRASHES = 3;

/** Something that behaves like a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: SimRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SimResponse>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export function createSimClient(createWorker: () => WorkerLike, events: SimClientEvents): SimClient {
  let nextId = 1;
  let latest: { id: number; scenario: Scenario; until: number | undefined } | null = null;
  const simulateRequest = (r: { id: number; scenario: Scenario; until: number | undefined }): SimRequest =>
    r.until === undefined ? { type: 'simulate', id: r.id, scenario: r.scenario } : { type: 'simulate', id: r.id, scenario: r.scenario, until: r.until };
  let latestWorlds: { id: number; traceId: number; step: number } | null = null;
  let answered = 0;
  let crashes = 0;
  let worker: WorkerLike | null = null;

  const onMessage = (event: MessageEvent<SimResponse>): void => {
    const reply = event.data;
    if (reply.type === 'worlds' || (reply.type === 'error' && latestWorlds?.id === reply.id)) {
      if (!latestWorlds || reply.id !== latestWorlds.id) return;
      if (reply.type === 'worlds') events.onWorlds?.({ traceId: latestWorlds.traceId, worlds: reply.worlds });
      // A trace the worker no longer holds: a newer trace is on its way, which asks again.
      return;
    }
    if (!latest || reply.id !== latest.id) return; // an older request: latest wins
    switch (reply.type) {
      case 'preview':
        events.onPreview?.({ id: reply.id, verdict: reply.verdict, elapsedMs: reply.elapsedMs });
        return;
      case 'result':
        // A partial trace does not answer the request: a worker that dies before the rest is asked again.
        if (reply.partial === undefined) answered = reply.id;
        crashes = 0;
        events.onResult({ id: reply.id, trace: decodeTrace(reply.trace), elapsedMs: reply.elapsedMs, partial: reply.partial ?? null });
        return;
      case 'error':
        answered = reply.id;
        crashes = 0;
        events.onError(reply.message, reply.scheduleMismatch === true);
        return;
      default:
        assertNever(reply);
    }
  };

  const onDeath = (event: ErrorEvent | Event | MessageEvent): void => {
    if ('preventDefault' in event) event.preventDefault();
    const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
    const detail = message ? `: ${message}` : '';
    crashes += 1;
    worker?.terminate();
    worker = null;
    const pending = latest !== null && latest.id !== answered;
    const willRetry = pending && crashes <= MAX_CONSECUTIVE_CRASHES;
    events.onCrash(`The simulation worker stopped${detail}.`, willRetry);
    if (willRetry && latest) spawn().postMessage(simulateRequest(latest));
  };

  const spawn = (): WorkerLike => {
    const w = createWorker();
    w.onmessage = onMessage;
    w.onerror = onDeath;
    w.onmessageerror = onDeath;
    worker = w;
    return w;
  };

  return {
    run(scenario, until) {
      const id = nextId++;
      const target = worker ?? spawn();
      if (latest && latest.id !== answered) target.postMessage({ type: 'cancel', id: latest.id });
      latest = { id, scenario, until };
      target.postMessage(simulateRequest(latest));
      return id;
    },
    requestWorlds(traceId, step) {
      if (latestWorlds && latestWorlds.traceId === traceId && latestWorlds.step === step) return;
      const id = nextId++;
      latestWorlds = { id, traceId, step };
      (worker ?? spawn()).postMessage({ type: 'worlds', id, trace: traceId, step });
    },
    crash() {
      (worker ?? spawn()).postMessage({ type: 'crash', id: nextId++ });
      // The crash reply never comes; mark the latest as unanswered so it is re-run.
      answered = 0;
      latestWorlds = null;
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}

/** The real worker: the one the page started first (src/boot.ts), else a new one. */
export function createBrowserWorker(): WorkerLike {
  return (takeEarlySimWorker() ?? newSimWorker()) as unknown as WorkerLike;
}
