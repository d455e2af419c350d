import { describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '../model/scenario';
import { handleSimulate } from './handler';

describe('handleSimulate', () => {
  it('returns the trace of a valid scenario, timed with the injected clock', () => {
    let t = 0;
    const reply = handleSimulate(7, defaultScenario(), () => (t += 5));
    expect(reply.type).toBe('result');
    if (reply.type !== 'result') return;
    expect(reply.id).toBe(7);
    expect(reply.elapsedMs).toBe(5);
    expect(reply.trace.verdict.bugReproduced).toBe(true);
  });

  it('rejects a malformed or out-of-range scenario with a message instead of throwing', () => {
    for (const bad of [null, 42, {}, { ...defaultScenario(), migDelay: -1 }, { ...defaultScenario(), preset: 'x' }, { ...defaultScenario(), fix: 'yes' }]) {
      const reply = handleSimulate(1, bad, () => 0);
      expect(reply).toEqual({ type: 'error', id: 1, message: expect.stringMatching(/out of range or malformed/) });
    }
  });
});

describe('handleSimulate when the model throws', () => {
  it('answers with an error message instead of dying', async () => {
    vi.resetModules();
    vi.doMock('../model/simulate', () => ({
      simulate: () => {
        throw new Error('boom');
      },
    }));
    const { handleSimulate: handle } = await import('./handler');
    expect(handle(3, defaultScenario(), () => 0)).toEqual({ type: 'error', id: 3, message: 'The model failed: boom' });
    vi.doUnmock('../model/simulate');
  });
});
