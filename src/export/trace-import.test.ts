import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../model/simulate';
import { toChromeTrace } from './chrome-trace';
import { BASE_URL, ctxFor, scenarioArb } from './test-scenarios';
import { importSizeProblem, MAX_IMPORT_BYTES, readTraceExport } from './trace-import';

function exported(overrides: Parameters<typeof ctxFor>[0] = {}) {
  const ctx = ctxFor(overrides);
  const trace = simulate(ctx.scenario);
  return { trace, ctx, text: JSON.stringify(toChromeTrace(trace, ctx)) };
}

function refusal(text: string): string {
  const result = readTraceExport(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

describe('readTraceExport', () => {
  it.each([
    ['the Nova test', {}],
    ['the fix', { fix: true }],
    ['production with both optional actors and jitter', { preset: 'production', bootAt: 3000, host1UpAt: 1500, jitter: 40, seed: 3 }],
  ] as const)('reads back %s: re-simulating gives the same trace hash', (_, overrides) => {
    const { trace, ctx, text } = exported(overrides);
    const result = readTraceExport(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toEqual(ctx.scenario);
    expect(result.traceHash).toBe(trace.traceHash);
    expect(simulate(result.scenario).traceHash).toBe(trace.traceHash);
  });

  it('reads back any scenario: export then import gives the same trace hash', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const result = readTraceExport(JSON.stringify(toChromeTrace(trace, { scenario, cursor: null, baseUrl: BASE_URL })));
        expect(result.ok && simulate(result.scenario).traceHash).toBe(trace.traceHash);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('refuses what is not JSON', () => {
    expect(refusal('{"traceEvents": [')).toBe('This file is not a Racelab trace export: it is not JSON. Nothing was loaded.');
    expect(refusal('<svg/>')).toMatch(/not JSON/);
  });

  it('refuses JSON of the wrong shape, naming where', () => {
    expect(refusal('[]')).toBe('This file is not a Racelab trace export: traceEvents is missing. Nothing was loaded.');
    expect(refusal('42')).toBe('This file is not a Racelab trace export: expected a JSON object with traceEvents, not 42. Nothing was loaded.');
    expect(refusal('{}')).toMatch(/: traceEvents is missing\./);
    expect(refusal('{"traceEvents": [{"ph": "X", "name": "a", "cat": "c", "ts": "soon"}]}')).toMatch(/traceEvents\.0\.ts should be number, not "soon"/);
    const other = JSON.stringify({ traceEvents: [], otherData: { generator: 'someone else' } });
    expect(refusal(other)).toMatch(/its metadata \(otherData\) has no Racelab scenario/);
  });

  it('refuses a file whose scenario is not valid, quoting the app\'s notice', () => {
    const text = exported().text.replace('"query":"v=1"', '"query":"v=1&migDelay=99999999"');
    expect(refusal(text)).toMatch(/^The scenario in this file is not valid: migDelay="99999999" is outside 0\.\.60000; using 60000\./);
  });

  it('refuses prototype keys wherever they are', () => {
    const proto = exported().text.replace('"traceEvents":[', '"traceEvents":[{"name":"x","ph":"X","cat":"c","ts":0,"dur":0,"pid":1,"tid":1,"args":{"__proto__":{"polluted":true}}},');
    expect(refusal(proto)).toMatch(/the key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(refusal('{"constructor": {"prototype": {}}}')).toMatch(/the key "(constructor|prototype)"/);
  });

  it('refuses a 50 MB file before reading it, and an oversized text unparsed', () => {
    expect(importSizeProblem(50 * 1024 * 1024)).toBe('This file is 50.0 MB; a Racelab trace export is at most 16.0 MB. Nothing was loaded.');
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(refusal(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatch(/at most 16\.0 MB/);
  });

  it('answers for absurdly deep nesting instead of hanging', () => {
    const deep = `{"traceEvents": [], "otherData": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(readTraceExport(deep).ok).toBe(false);
  });
});
