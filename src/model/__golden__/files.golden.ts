/**
 * Golden files: compare a value's normalised JSON with a committed file; on
 * a mismatch write `<name>-changed.json` beside it and fail, so a change is
 * looked at and never regenerated silently. `UPDATE_GOLDEN=1` rewrites the
 * expected file, but never where `CI` is set.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** JSON with every object's keys sorted, so a file does not depend on the order fields were built in. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

export interface GoldenEnv {
  readonly UPDATE_GOLDEN?: string | undefined;
  readonly CI?: string | undefined;
}

/**
 * Check `actual` against `<dir>/<name>.json`. Returns `null` when it
 * matches (or was updated on purpose), else a message naming the file to
 * review.
 */
export function checkGolden(dir: string, name: string, actual: string, env: GoldenEnv): string | null {
  const expectedPath = join(dir, `${name}.json`);
  const changedPath = join(dir, `${name}-changed.json`);
  if (env.UPDATE_GOLDEN === '1') {
    if (env.CI) throw new Error('UPDATE_GOLDEN=1 is refused where CI is set: update golden traces on purpose, locally, and commit them.');
    writeFileSync(expectedPath, actual);
  }
  if (!existsSync(expectedPath)) {
    writeFileSync(changedPath, actual);
    return `No golden file ${expectedPath}; wrote ${changedPath} to review (or run with UPDATE_GOLDEN=1).`;
  }
  if (readFileSync(expectedPath, 'utf8') === actual) {
    if (existsSync(changedPath)) rmSync(changedPath);
    return null;
  }
  writeFileSync(changedPath, actual);
  return `${name} changed; compare ${changedPath} with ${expectedPath}, and if the change is intended, replace the file with it.`;
}
