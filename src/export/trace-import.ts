/**
 * Reading an exported Chrome trace back: the file only carries the scenario
 * to re-simulate (its query in `otherData`), so everything else in it is
 * checked and then dropped. Hostile input is refused early and cheaply: a
 * size limit before anything is read, prototype keys refused while parsing,
 * the whole file validated with the same schema the exporter is tested
 * against, and the query read with the app's own per-key parser.
 */
import * as v from 'valibot';
import type { Scenario } from '../model/scenario';
import { noticeText, parseScenarioQuery } from '../url/scenario-query';
import { EXPORT_FORMAT, GENERATOR } from './chrome-trace';
import { traceEventFileSchema } from './trace-event-schema';

/**
 * The export of a trace at the model's step limit (25,000 steps) is about
 * 13 MB; this leaves room for that and parses in a fraction of a second.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
const MAX_QUERY = 1000;
/** Keys that could reach an object's prototype if some later code merged the parsed data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly query: string; readonly traceHash: string }
  | { readonly ok: false; readonly message: string };

const refuse = (message: string): ImportResult => ({ ok: false, message });

const racelabMetadata = v.object({
  generator: v.literal(GENERATOR),
  format: v.literal(EXPORT_FORMAT),
  query: v.pipe(v.string(), v.maxLength(MAX_QUERY), v.regex(/^[A-Za-z0-9=&._-]*$/)),
  traceHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/)),
});

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * `null` when a file of this many bytes may be read, else the message. Call
 * it before reading the file.
 */
export function importSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `This file is ${megabytes(bytes)}; a Racelab trace export is at most ${megabytes(MAX_IMPORT_BYTES)}. Nothing was loaded.`;
}

/** One schema issue in words: where, and what was expected there. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = v.getDotPath(issue);
  if (where === null) return `expected a JSON object with traceEvents, not ${issue.received}`;
  if (issue.received === 'undefined') return `${where} is missing`;
  return `${where} should be ${issue.expected ?? 'something else'}, not ${issue.received}`;
}

class ForbiddenKey extends Error {}

function parseGuarded(text: string): { ok: true; json: unknown } | { ok: false; message: string } {
  try {
    const json: unknown = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
    return { ok: true, json };
  } catch (error) {
    if (error instanceof ForbiddenKey) return { ok: false, message: `it contains the key "${error.message}", which a trace export never has` };
    // Very deep nesting ends here too (the parser's stack); nothing is shown of the file itself.
    return { ok: false, message: 'it is not JSON' };
  }
}

/**
 * The scenario in an exported trace, or why the file does not fit.
 *
 * @example readTraceExport(JSON.stringify(toChromeTrace(trace, ctx))) // { ok: true, scenario, query: 'v=1', ... }
 */
export function readTraceExport(text: string): ImportResult {
  const tooBig = importSizeProblem(text.length);
  if (tooBig) return refuse(tooBig);
  const notTrace = (why: string): ImportResult => refuse(`This file is not a Racelab trace export: ${why}. Nothing was loaded.`);
  const parsed = parseGuarded(text);
  if (!parsed.ok) return notTrace(parsed.message);
  const file = v.safeParse(traceEventFileSchema, parsed.json);
  if (!file.success) return notTrace(describeIssue(file.issues[0]));
  const meta = v.safeParse(racelabMetadata, file.output.otherData ?? {});
  if (!meta.success) return notTrace(`its metadata (otherData) has no Racelab scenario (${v.getDotPath(meta.issues[0]) ?? 'otherData'})`);
  const { query, traceHash } = meta.output;
  const scenario = parseScenarioQuery(query);
  const problems = scenario.notices.filter((n) => n.key !== 'step');
  if (problems.length > 0) {
    return refuse(`The scenario in this file is not valid: ${problems.map(noticeText).join(' ')} Nothing was loaded.`);
  }
  return { ok: true, scenario: scenario.scenario, query, traceHash };
}
