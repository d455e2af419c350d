/**
 * `npm run -s bench:json` times the model as the app ships it: bundled and
 * minified-free by esbuild without `keepNames`, run by plain Node. Under
 * tsx every named closure is wrapped in a `__name` call (tsx always turns on
 * esbuild's keepNames), which the model makes about 50 of per run: that
 * alone was about 40% of the fast path's time, and no user ever pays it.
 * The bundle goes to node_modules/.cache; the arguments (`--smoke`) pass on.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}node_modules/.cache/racelab-bench/bench-json.mjs`;
await build({
  entryPoints: [`${root}bench/bench-json.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'error',
});
execFileSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
