/**
 * Fake sweep workers for unit tests: they run the real `handleSweep`, but
 * only when the test says so (`deliver`), or on their own after a macrotask
 * (`auto`), and they can die on demand.
 */
import { handleSweep } from './sweep-handler';
import type { SweepRequest, SweepResponse } from './sweep-protocol';
import type { SweepWorkerLike } from './sweep-pool';

export class FakeSweepWorker implements SweepWorkerLike {
  onmessage: ((event: MessageEvent<SweepResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  /** Requests not answered yet. */
  readonly received: SweepRequest[] = [];
  terminated = false;

  /** `log` collects every request sent to any worker of the family, in order. */
  constructor(
    private readonly auto: boolean,
    private readonly log: SweepRequest[] = [],
  ) {}

  postMessage(message: SweepRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    // Structured clone, as a real worker boundary would do.
    this.received.push(structuredClone(message));
    this.log.push(message);
    if (this.auto) setTimeout(() => this.deliver(), 0);
  }

  /** Answer the oldest request not answered yet; returns false when there is none. */
  deliver(): boolean {
    const request = this.received.shift();
    if (!request || this.terminated) return false;
    const reply = handleSweep(request, () => 0);
    this.onmessage?.({ data: reply } as MessageEvent<SweepResponse>);
    return true;
  }

  /** Die with an uncaught error, as a worker whose script threw. */
  die(message = 'boom'): void {
    this.onerror?.({ message, preventDefault() {} } as unknown as ErrorEvent);
  }

  terminate(): void {
    this.terminated = true;
  }
}

export function fakeWorkers(auto = false) {
  const created: FakeSweepWorker[] = [];
  const sent: SweepRequest[] = [];
  return {
    created,
    sent,
    createWorker: (): FakeSweepWorker => {
      const worker = new FakeSweepWorker(auto, sent);
      created.push(worker);
      return worker;
    },
    live: (): FakeSweepWorker[] => created.filter((w) => !w.terminated),
  };
}
