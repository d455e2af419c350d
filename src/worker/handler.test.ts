import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { simulate } from '../model/simulate';
import { createSimHandler, handlePreview } from './handler';
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
