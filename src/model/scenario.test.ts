import { describe, expect, it } from 'vitest';
import { defaultScenario, interned, NUMERIC_KEYS, NUMERIC_PARAMS, PRESETS, RACE_IDS, type Scenario, shapedScenario } from './scenario';

describe('scenario shape', () => {
  it('gives every scenario the same keys in the same order, whatever order they came in', () => {
    const base = defaultScenario('production', '1879878-confirm');
    const reversed = Object.fromEntries(Object.entries(base).reverse()) as unknown as Scenario;
    const copied = structuredClone(base);
    expect(Object.keys(shapedScenario(reversed))).toEqual(Object.keys(shapedScenario(base)));
    expect(Object.keys(shapedScenario(copied))).toEqual(Object.keys(shapedScenario(defaultScenario())));
    expect(shapedScenario(reversed)).toEqual(base);
    expect(shapedScenario(copied)).toEqual(base);
  });

  it("looks names up among the model's own: an equal one is found, an unknown one is kept", () => {
    // JSON.parse makes a new string, as a worker message does. That the one returned is the model's own
    // (not the copy) cannot be seen from JavaScript, only in V8's deoptimizations: bench:ui measures it.
    expect(interned(PRESETS, JSON.parse('"production"') as 'production')).toBe('production');
    expect(interned(RACE_IDS, JSON.parse('"2025480"') as '2025480')).toBe('2025480');
    expect(interned(NUMERIC_KEYS, JSON.parse('"migDelay"') as 'migDelay')).toBe('migDelay');
    expect(interned(PRESETS, 'nova' as 'production')).toBe('nova');
    expect(NUMERIC_KEYS).toEqual(NUMERIC_PARAMS.map((p) => p.key));
  });
});
