/**
 * Scenarios and their export contexts for the export tests: named ones, and
 * random ones (fast-check) across both harnesses, the fix, jitter and the
 * optional actors.
 * Test-only (imported by *.test.ts files).
 */
import { defaultScenario, type Scenario } from '../model/scenario';
import type { ExportContext } from './links';

export const BASE_URL = 'http://127.0.0.1:5173/';

export function ctxFor(overrides: Partial<Scenario> = {}, cursor: number | null = null): ExportContext {
  const preset = overrides.preset ?? 'nova-test';
  return { scenario: { ...defaultScenario(preset), ...overrides }, cursor, baseUrl: BASE_URL };
}

export { scenarioArb } from '../model/test-scenarios';
