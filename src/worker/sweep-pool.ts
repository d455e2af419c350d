/**
 * A pool of sweep workers, one per core. Jobs (a race map, a flip search,
 * odds) hand out their tasks one at a time as workers come free, so a job
 * can size its next task from the ones that finished, and the pool shares
 * the workers between running jobs in turn. A background job (the warm-up)
 * gets a worker only when no other job has a task for it.
 *
 * Cancelling a job drops its queued tasks and its late replies at once; a
 * worker still busy with one of its tasks is terminated and replaced unless
 * that task is due to end within `killAfterMs` (a fresh worker costs about
 * as much), so stale work never holds a core. A worker that dies is replaced
 * and its task re-run once; a task that kills two workers fails its job with
 * a message that says so.
 */
import { assertNeverSweep, type SweepRequest, type SweepResponse, type SweepResult, type SweepTask } from './sweep-protocol';

export interface SweepWorkerLike {
  postMessage(message: SweepRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SweepResponse>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** A task as a job hands it out, with how long it should take if the job can tell. */
export interface PlannedTask {
  readonly task: SweepTask;
  readonly expectedMs: number | null;
}

/** What a job is to the pool: a source of tasks and the place their results go. */
export interface JobSource {
  /** The next task, or `null` when every task has been handed out. */
  next(): PlannedTask | null;
  onResult(result: SweepResult, task: SweepTask, elapsedMs: number): void;
  /** Every task has been answered. */
  onDone(): void;
  /** The job stopped: the model failed, or a task killed two workers. */
  onError(message: string): void;
}

export interface SweepJob {
  cancel(): void;
}

export interface JobOptions {
  /**
   * Work nobody waits for (the warm-up): its tasks go out only when no other
   * job has one, so a new input waits for at most one of them to end.
   */
  readonly background?: boolean;
}

export interface SweepPool {
  readonly size: number;
  start(source: JobSource, options?: JobOptions): SweepJob;
  /** Run at most this many tasks at once (0..size; 0 pauses); tasks already running finish. */
  setConcurrency(limit: number): void;
  dispose(): void;
}

export interface SweepPoolOptions {
  readonly createWorker: () => SweepWorkerLike;
  readonly size: number;
  /** A worker died; its task is re-run (`willRetry`) or its job failed. */
  readonly onWorkerLost?: (message: string, willRetry: boolean) => void;
  readonly now?: () => number;
  readonly killAfterMs?: number;
}

interface JobState {
  readonly source: JobSource;
  readonly background: boolean;
  readonly retries: { task: SweepTask; attempts: number }[];
  inFlight: number;
  exhausted: boolean;
  over: boolean;
}

interface Busy {
  readonly job: JobState;
  readonly task: SweepTask;
  readonly id: number;
  readonly startedAt: number;
  readonly expectedMs: number | null;
  readonly attempts: number;
}

interface Slot {
  worker: SweepWorkerLike | null;
  busy: Busy | null;
}

/** How many workers to start: one per core the browser reports, at least one, at most eight. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  return Math.min(8, Math.max(1, Math.floor(hardwareConcurrency ?? 2)));
}

export function createSweepPool(options: SweepPoolOptions): SweepPool {
  const now = options.now ?? (() => performance.now());
  const killAfterMs = options.killAfterMs ?? 30;
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, busy: null }));
  let jobs: JobState[] = [];
  let turn = 0;
  let nextId = 1;
  let concurrency = slots.length;

  const finish = (job: JobState): void => {
    if (!job.over && job.exhausted && job.inFlight === 0 && job.retries.length === 0) {
      job.over = true;
      jobs = jobs.filter((j) => j !== job);
      job.source.onDone();
    }
  };

  const fail = (job: JobState, message: string): void => {
    if (job.over) return;
    job.over = true;
    jobs = jobs.filter((j) => j !== job);
    job.source.onError(message);
  };

  const retire = (slot: Slot): void => {
    slot.worker?.terminate();
    slot.worker = null;
    slot.busy = null;
  };

  /**
   * The next task of the next job in turn that has one, background jobs
   * last; jobs with nothing left are finished on the way.
   */
  const take = (): { job: JobState; task: SweepTask; expectedMs: number | null; attempts: number } | null => {
    const from = jobs.length > 0 ? turn % jobs.length : 0;
    const inTurn = [...jobs.slice(from), ...jobs.slice(0, from)];
    for (const job of [...inTurn.filter((j) => !j.background), ...inTurn.filter((j) => j.background)]) {
      const retry = job.retries.shift();
      const planned = retry || job.exhausted ? null : job.source.next();
      if (retry || planned) {
        turn = jobs.indexOf(job) + 1;
        return retry
          ? { job, task: retry.task, expectedMs: null, attempts: retry.attempts }
          : { job, task: planned!.task, expectedMs: planned!.expectedMs, attempts: 0 };
      }
      job.exhausted = true;
      finish(job);
    }
    return null;
  };

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.busy) continue;
      if (slots.filter((s) => s.busy).length >= concurrency) return;
      const next = take();
      if (!next) return;
      const id = nextId++;
      slot.busy = { job: next.job, task: next.task, id, startedAt: now(), expectedMs: next.expectedMs, attempts: next.attempts };
      next.job.inFlight++;
      (slot.worker ?? spawn(slot)).postMessage({ ...next.task, id });
    }
  };

  const onReply = (slot: Slot, reply: SweepResponse): void => {
    const busy = slot.busy;
    if (!busy || reply.id !== busy.id) return;
    slot.busy = null;
    busy.job.inFlight--;
    if (!busy.job.over) {
      switch (reply.type) {
        case 'done':
          busy.job.source.onResult(reply.result, busy.task, reply.elapsedMs);
          finish(busy.job);
          break;
        case 'error':
          fail(busy.job, reply.message);
          break;
        default:
          assertNeverSweep(reply);
      }
    }
    pump();
  };

  const onDeath = (slot: Slot, event: ErrorEvent | Event | MessageEvent): void => {
    if ('preventDefault' in event) event.preventDefault();
    const busy = slot.busy;
    retire(slot);
    const detail = 'message' in event && typeof event.message === 'string' && event.message ? `: ${event.message}` : '';
    const message = `A sweep worker stopped${detail}.`;
    if (busy) {
      busy.job.inFlight--;
      const willRetry = !busy.job.over && busy.attempts === 0;
      options.onWorkerLost?.(message, willRetry);
      if (willRetry) busy.job.retries.unshift({ task: busy.task, attempts: busy.attempts + 1 });
      else fail(busy.job, `${message} It stopped again on the same task, so this sweep was given up.`);
    } else {
      options.onWorkerLost?.(message, false);
    }
    pump();
  };

  const spawn = (slot: Slot): SweepWorkerLike => {
    const worker = options.createWorker();
    worker.onmessage = (event) => onReply(slot, event.data);
    worker.onerror = (event) => onDeath(slot, event);
    worker.onmessageerror = (event) => onDeath(slot, event);
    slot.worker = worker;
    return worker;
  };

  const cancel = (job: JobState): void => {
    if (job.over) return;
    job.over = true;
    jobs = jobs.filter((j) => j !== job);
    const at = now();
    for (const slot of slots) {
      const busy = slot.busy;
      if (busy?.job !== job) continue;
      const endsSoon = busy.expectedMs !== null && busy.startedAt + busy.expectedMs - at <= killAfterMs;
      if (!endsSoon) retire(slot);
    }
    pump();
  };

  return {
    size: slots.length,
    start(source, options) {
      const job: JobState = { source, background: options?.background ?? false, retries: [], inFlight: 0, exhausted: false, over: false };
      jobs.push(job);
      pump();
      return { cancel: () => cancel(job) };
    },
    setConcurrency(limit) {
      concurrency = Math.min(slots.length, Math.max(0, Math.floor(limit)));
      pump();
    },
    dispose() {
      for (const job of jobs) job.over = true;
      jobs = [];
      slots.forEach(retire);
    },
  };
}

/** The real workers, bundled by Vite as ES module workers. */
export function createBrowserSweepWorker(): SweepWorkerLike {
  return new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: 'racelab-sweep' }) as unknown as SweepWorkerLike;
}
