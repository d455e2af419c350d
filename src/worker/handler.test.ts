import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate, simulateVerdict } from '../model/simulate';
import { createSimHandler, handlePreview, partialTrace } from './handler';
import { decodeTrace } from './trace-codec';

const clock = () => {
  let t = 0;
  return () => (t += 5);
};

describe('the simulation handler', () => {
  it('returns the encoded trace of a valid scenario, timed with the injected clock, with its buffers to transfer', () => {
    const { reply, transfer } = createSimHandler().simulate(7, defaultScenario(), clock());
    expect(reply.type).toBe('result');
    if (reply.type !== 'result') return;
    expect(reply.id).toBe(7);
    expect(reply.elapsedMs).toBe(5);
    expect(decodeTrace(reply.trace).verdict.bugReproduced).toBe(true);
    expect(transfer.length).toBeGreaterThan(0);
  });

  it('previews the verdict on the fast path, with its reason', () => {
    const reply = handlePreview(3, { ...defaultScenario(), fix: true }, clock());
    expect(reply).toMatchObject({ type: 'preview', id: 3, verdict: { verdict: 'kept', reason: expect.stringMatching(/kept the device/) } });
  });

  it('answers for the worlds around any step of the traces it keeps, and not for forgotten ones', () => {
    const handler = createSimHandler();
    const full = simulate(defaultScenario());
    handler.simulate(1, defaultScenario(), clock());
    const step = full.steps.findIndex((s) => s.kind === 'pci-freed');
    const reply = handler.worlds(50, 1, step);
    expect(reply).toEqual({
      type: 'worlds', id: 50,
      worlds: { step, before: full.states[step], after: full.states[step + 1], changes: full.steps[step]!.changes },
    });
    for (let id = 2; id <= 4; id++) handler.simulate(id, defaultScenario(), clock());
    expect(handler.worlds(51, 1, 0)).toEqual({ type: 'error', id: 51, message: expect.stringMatching(/no longer holds trace 1/) });
    expect(handler.worlds(52, 4, 1e9)).toMatchObject({ type: 'worlds', worlds: { step: full.steps.length - 1 } });
  });

  it('says when a scenario\'s schedule does not fit it, so the timed run can be shown instead', () => {
    const reply = createSimHandler().simulate(5, { ...defaultScenario(), schedule: [1, 1, 1] }, clock()).reply;
    expect(reply).toMatchObject({ type: 'error', id: 5, scheduleMismatch: true, message: expect.stringMatching(/does not fit this scenario/) });
    expect(handlePreview(6, { ...defaultScenario(), schedule: [0] }, clock())).toMatchObject({ type: 'error', scheduleMismatch: true });
  });

  it('rejects a malformed or out-of-range scenario with a message instead of throwing', () => {
    for (const bad of [null, 42, {}, { ...defaultScenario(), migDelay: -1 }, { ...defaultScenario(), preset: 'x' }, { ...defaultScenario(), fix: 'yes' }, { ...defaultScenario(), schedule: [0, 'x'] }, { ...defaultScenario(), schedule: [99] }]) {
      expect(createSimHandler().simulate(1, bad, clock()).reply).toEqual({ type: 'error', id: 1, message: expect.stringMatching(/out of range or malformed/) });
      expect(handlePreview(1, bad, clock())).toEqual({ type: 'error', id: 1, message: expect.stringMatching(/out of range or malformed/) });
    }
  });
});

describe('partialTrace', () => {
  const big = { ...defaultScenario('production'), periodicRuns: 1000, period: 1000 };
  const whole = simulate(big);
  const verdict = simulateVerdict(big);

  it("holds the whole trace's first steps, those that end by `until`, exactly, and says how big the whole trace is", () => {
    const { trace, partial } = partialTrace(big, 5000, verdict);
    expect(partial).toEqual({ until: 5000, steps: whole.steps.length });
    const n = trace.steps.length;
    expect(n).toBe(whole.steps.filter((s) => s.end <= 5000).length);
    expect(trace.steps).toEqual(whole.steps.slice(0, n));
    expect(trace.states).toEqual(whole.states.slice(0, n + 1));
  });

  it("carries the whole run's verdict, stop and end time, and ends the locks still held at `until` there", () => {
    const { trace } = partialTrace(big, 5000, verdict);
    expect(trace.verdict).toEqual(whole.verdict);
    expect(trace.stopped).toEqual(whole.stopped);
    expect(trace.endTime).toBe(whole.endTime);
    expect(trace.lockSpans.every((span) => span.releasedAt !== null)).toBe(true);
    expect(Math.max(...trace.lockSpans.map((span) => span.releasedAt!))).toBeLessThanOrEqual(trace.steps.at(-1)!.end);
  });

  it('is the whole trace, not a partial one, when `until` reaches its end', () => {
    const scenario = defaultScenario();
    const { trace, partial } = partialTrace(scenario, 1e9, simulateVerdict(scenario));
    expect(partial).toBeNull();
    expect(trace).toEqual(simulate(scenario));
  });

  it('answers a partial request as a result with `partial`, and keeps the trace for its worlds', () => {
    const handler = createSimHandler();
    const { reply } = handler.partial(9, big, 5000, verdict, clock());
    expect(reply).toMatchObject({ type: 'result', id: 9, partial: { until: 5000, steps: whole.steps.length } });
    expect(handler.worlds(10, 9, 3)).toMatchObject({ type: 'worlds', worlds: { step: 3, after: whole.states[4] } });
  });
});

describe('the handler when the model throws', () => {
  it('answers with an error message instead of dying', async () => {
    vi.resetModules();
    vi.doMock('../model/simulate', () => ({
      ScheduleMismatch: class extends Error {},
      simulate: () => {
        throw new Error('boom');
      },
      simulateOutcome: () => {
        throw new Error('bang');
      },
    }));
    const handler = await import('./handler');
    expect(handler.createSimHandler().simulate(3, defaultScenario(), () => 0).reply).toEqual({ type: 'error', id: 3, message: 'The model failed: boom' });
    expect(handler.handlePreview(4, defaultScenario(), () => 0)).toEqual({ type: 'error', id: 4, message: 'The model failed: bang' });
    vi.doUnmock('../model/simulate');
  });
});
