import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, isScenarioInRange, NUMERIC_PARAMS, PRESETS, type Scenario } from '../model/scenario';
import { noticeText, parseScenarioQuery, scenarioToQuery } from './scenario-query';

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    preset: fc.constantFrom(...PRESETS),
    fix: fc.boolean(),
    numbers: fc.tuple(...NUMERIC_PARAMS.map((p) => (p.optional ? fc.option(fc.integer({ min: p.min, max: p.max }), { nil: null }) : fc.integer({ min: p.min, max: p.max })))),
    schedule: fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), { nil: null }),
  })
  .map(({ preset, fix, numbers, schedule }) => {
    const numeric = Object.fromEntries(NUMERIC_PARAMS.map((p, i) => [p.key, numbers[i]]));
    return { ...defaultScenario(preset), ...numeric, preset, fix, schedule } as Scenario;
  });

describe('scenario query codec', () => {
  it('keeps the Nova test link short: defaults stay out', () => {
    expect(scenarioToQuery(defaultScenario(), null)).toBe('v=1');
    expect(scenarioToQuery({ ...defaultScenario(), fix: true, migDelay: 500 }, 12)).toBe('v=1&fix=1&migDelay=500&step=13');
    expect(scenarioToQuery(defaultScenario('production'), null)).toBe('v=1&preset=production');
    expect(scenarioToQuery({ ...defaultScenario(), bootAt: 6000 }, null)).toBe('v=1&bootAt=6000');
  });

  it('reads a valid link without notices', () => {
    const parsed = parseScenarioQuery('?v=1&fix=1&migDelay=500&step=3');
    expect(parsed.notices).toEqual([]);
    expect(parsed.scenario).toEqual({ ...defaultScenario(), fix: true, migDelay: 500 });
    expect(parsed.cursor).toBe(2); // step=3 is the third step: index 2
  });

  it('round-trips every valid scenario and cursor unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, fc.option(fc.nat(100_000), { nil: null }), (scenario, cursor) => {
        const parsed = parseScenarioQuery(scenarioToQuery(scenario, cursor));
        expect(parsed.notices).toEqual([]);
        expect(parsed.scenario).toEqual(scenario);
        expect(parsed.cursor).toBe(cursor);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('never throws on random strings, and always yields an in-range scenario', () => {
    const anyQuery = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.tuple(fc.constantFrom('v', 'fix', 'preset', 'step', ...NUMERIC_PARAMS.map((p) => p.key), 'x'), fc.string({ maxLength: 40 })), { maxLength: 30 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
    );
    // A plain boolean property (no expect() per value), and no 'grapheme' strings: building fast-check's
    // grapheme table took most of a second on a cold start, which once hit the 5 s timeout on a busy machine.
    fc.assert(
      fc.property(anyQuery, (query) => {
        const { scenario } = parseScenarioQuery(query);
        return isScenarioInRange(scenario) && PRESETS.includes(scenario.preset) && typeof scenario.fix === 'boolean';
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('falls back per key, names the key and keeps the valid keys', () => {
    const parsed = parseScenarioQuery('v=1&migDelay=abc&dropDelay=300&fix=maybe');
    expect(parsed.scenario.migDelay).toBe(2000);
    expect(parsed.scenario.dropDelay).toBe(300);
    expect(parsed.scenario.fix).toBe(false);
    expect(parsed.notices.map((n) => n.key)).toEqual(['fix', 'migDelay']);
    expect(noticeText(parsed.notices[1]!)).toBe('migDelay="abc" is not a plain decimal number; using 2000 instead.');
  });

  it('clamps out-of-range and fractional numbers with a notice', () => {
    const parsed = parseScenarioQuery('migDelay=-5&dropDelay=99999999999&spawn=12.6');
    expect(parsed.scenario).toMatchObject({ migDelay: 0, dropDelay: 60_000, spawn: 13 });
    expect(parsed.notices.map(noticeText)).toEqual([
      'dropDelay="99999999999" is outside 0..60000; using 60000.',
      'migDelay="-5" is outside 0..60000; using 0.',
      'spawn="12.6" is not a whole number; using 13.',
    ]);
  });

  it('rejects exponent forms, NaN, Infinity and long values', () => {
    for (const bad of ['1e3', 'NaN', 'Infinity', '0x10', '1'.repeat(40), ' 5']) {
      const parsed = parseScenarioQuery(`migDelay=${encodeURIComponent(bad)}`);
      expect(parsed.scenario.migDelay).toBe(2000);
      expect(parsed.notices).toHaveLength(1);
    }
  });

  it('ignores unknown keys with one notice, even thousands of them', () => {
    const query = Array.from({ length: 5000 }, (_, i) => `k${i}=1`).join('&');
    const parsed = parseScenarioQuery(query);
    expect(parsed.notices).toHaveLength(1);
    expect(noticeText(parsed.notices[0]!)).toBe('Unknown keys "k0", "k1", "k2" and 4997 more; ignored.');
  });

  it('quotes hostile text and shortens it', () => {
    const parsed = parseScenarioQuery(`preset=${encodeURIComponent('<script>alert(1)</script>'.repeat(5))}`);
    expect(parsed.scenario.preset).toBe('nova-test');
    expect(parsed.notices[0]!.problem).toMatch(/^preset="<script>alert\(1\)<\/script><script>alert\(1…" must be one of/);
  });

  it('survives broken percent-encoding and non-UTF-8 bytes', () => {
    for (const query of ['migDelay=%zz', 'migDelay=%ff%fe', '%E0%A4%A=1', 'fix=%00']) {
      expect(() => parseScenarioQuery(query)).not.toThrow();
    }
  });

  it('turns optional actors off with off/none/empty and reports repeated keys', () => {
    expect(parseScenarioQuery('bootAt=off').scenario.bootAt).toBeNull();
    expect(parseScenarioQuery('bootAt=').scenario.bootAt).toBeNull();
    const repeated = parseScenarioQuery('fix=1&fix=0');
    expect(repeated.scenario.fix).toBe(true);
    expect(noticeText(repeated.notices[0]!)).toBe('fix appears 2 times; the first value is used.');
  });

  it('flags an unknown format version but still reads the keys', () => {
    const parsed = parseScenarioQuery('v=9&fix=1');
    expect(parsed.scenario.fix).toBe(true);
    expect(parsed.notices[0]!.key).toBe('v');
  });

  it('reads a schedule, and refuses a malformed one with a notice, falling back to the timed run', () => {
    expect(parseScenarioQuery('?v=1&schedule=1.a5b9a3b4').scenario.schedule).toEqual([...Array(5).fill(0), ...Array(9).fill(1), 0, 0, 0, 1, 1, 1, 1]);
    for (const bad of ['2.a', 'abc', '1.a0', `1.${'a'.repeat(5000)}`]) {
      const parsed = parseScenarioQuery(`?v=1&schedule=${bad}`);
      expect(parsed.scenario.schedule).toBeNull();
      expect(parsed.notices.map((n) => n.key)).toEqual(['schedule']);
      expect(noticeText(parsed.notices[0]!)).toMatch(/showing the timed run instead/);
    }
  });

  it('uses the preset defaults for keys that are absent', () => {
    expect(parseScenarioQuery('preset=production').scenario).toEqual(defaultScenario('production'));
  });
});

describe('step numbers', () => {
  it('count from 1 like the screen; 0 and below show step 1, a non-number the last step, each with a notice', () => {
    expect(parseScenarioQuery('?step=1')).toMatchObject({ cursor: 0, notices: [] });
    expect(parseScenarioQuery('?step=23').cursor).toBe(22);
    for (const raw of ['0', '-1']) {
      const parsed = parseScenarioQuery(`?step=${raw}`);
      expect(parsed.cursor).toBe(0);
      expect(parsed.notices.map(noticeText)).toEqual([`step="${raw}" is not a step number (steps count from 1); showing step 1.`]);
    }
    for (const raw of ['abc', '2.5', '']) {
      const parsed = parseScenarioQuery(`?step=${raw}`);
      expect(parsed.cursor).toBeNull();
      expect(parsed.notices.map(noticeText)).toEqual([`step="${raw}" is not a step number; showing the last step.`]);
    }
  });
});
