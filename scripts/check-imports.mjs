#!/usr/bin/env node
/**
 * The layering rules, checked: imports flow ui -> state -> worker/url -> model.
 * - src/model imports only src/model (and no package); it never reads a
 *   clock, timers or Math.random (determinism) nor touches the DOM.
 * - src/ui, src/view and src/state reach the model only through its narrow
 *   entry, src/model/index.ts (types and the few read-only helpers they
 *   need); running the model is the worker's job. Tests may import model
 *   internals to build fixtures.
 * - src/ui never imports the worker; src/view imports no React; src/state may use
 *   src/view's pure time math (what part of a trace is on screen is state).
 * - src/export is pure (model, view, url; no React, no DOM); src/ui loads it
 *   only with a dynamic import(), so it stays out of the start-up bundle.
 * - src/sweep (race map, nearest flip, odds) is pure and deterministic like
 *   the model. Its files that run the model (import model internals) belong
 *   to the workers and the CLI: ui, state, url and view may import only its
 *   model-free files (grid, cell codes, statistics).
 * Usage: node scripts/check-imports.mjs [src-dir]   (default: the repo's src/)
 * Exits 1 with one line per broken rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = resolve(process.argv[2] ?? join(root, 'src'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const layerOf = (path) => relative(src, path).split('/')[0];
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const D3 = ['d3-array', 'd3-scale', 'd3-axis', 'd3-zoom', 'd3-selection', 'd3-scale-chromatic', 'd3-brush', 'd3-contour', 'd3-shape'];
/** What each layer may import from the app (other layers) and from packages. */
const RULES = {
  model: { layers: ['model'], packages: [] },
  view: { layers: ['view', 'sweep', 'model'], packages: D3 },
  url: { layers: ['url', 'sweep', 'model'], packages: ['valibot'] },
  worker: { layers: ['worker', 'sweep', 'model'], packages: [] },
  sweep: { layers: ['sweep', 'model'], packages: [] },
  state: { layers: ['state', 'worker', 'url', 'view', 'sweep', 'model'], packages: ['zustand'] },
  ui: { layers: ['ui', 'state', 'view', 'url', 'export', 'sweep', 'model'], packages: ['react', 'react-dom', 'zustand', ...D3] },
  cli: { layers: ['cli', 'export', 'url', 'sweep', 'model'], packages: [] },
  export: { layers: ['export', 'view', 'url', 'model'], packages: ['valibot', 'd3-scale', 'd3-scale-chromatic'] },
};
/** Layers that see the model only through src/model/index.ts. */
const NARROW_MODEL = new Set(['ui', 'view', 'state']);
const MODEL_ENTRY = join(src, 'model', 'index');
const FORBIDDEN_IN_MODEL = [/\bDate\b/, /Math\.random/, /\bsetTimeout\b/, /\bsetInterval\b/, /\bperformance\./, /\bwindow\./, /\bdocument\./, /\bnavigator\./];

/** Layers that may import only the model-free files of src/sweep. */
const NO_SWEEP_RUNNERS = new Set(['ui', 'state', 'url', 'view']);
const isTestFile = (file) => /\.(test|golden)\.tsx?$|\/test-[^/]*\.ts$/.test(file);
const allFiles = existsSync(src) ? files(src) : [];
/** src/sweep files that run the model: they import something in src/model other than its entry. */
const sweepRunners = new Set(
  allFiles
    .filter((file) => layerOf(file) === 'sweep' && !isTestFile(file))
    .filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(importRe)].some((m) => {
        const spec = m[1] ?? m[2];
        if (!spec.startsWith('.')) return false;
        const target = resolve(dirname(file), spec);
        return layerOf(target) === 'model' && target !== MODEL_ENTRY && target !== join(src, 'model');
      }),
    )
    .map((file) => file.replace(/\.tsx?$/, '')),
);

const problems = [];
for (const file of allFiles) {
  const layer = layerOf(file);
  const rule = RULES[layer];
  if (!rule) continue;
  // Tests, golden-file helpers and test-*.ts helpers beside them may use dev packages and model internals.
  const isTest = isTestFile(file);
  const text = readFileSync(file, 'utf8');
  const where = relative(root, file);
  for (const match of text.matchAll(importRe)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const targetLayer = layerOf(target);
      if (!rule.layers.includes(targetLayer)) {
        problems.push(`${where}: ${layer} must not import ${targetLayer} (${spec})`);
      } else if (targetLayer === 'model' && NARROW_MODEL.has(layer) && !isTest && target !== MODEL_ENTRY && target !== join(src, 'model')) {
        problems.push(`${where}: ${layer} must import the model through src/model/index.ts, not ${spec}`);
      } else if (targetLayer === 'sweep' && NO_SWEEP_RUNNERS.has(layer) && !isTest && sweepRunners.has(target)) {
        problems.push(`${where}: ${layer} must not import ${spec}, which runs the model (that is the sweep workers' job)`);
      }
    } else if (!isTest && !rule.packages.some((p) => spec === p || spec.startsWith(`${p}/`))) {
      problems.push(`${where}: ${layer} must not import the package ${spec}`);
    }
  }
  if (layer === 'ui') {
    const staticExport = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]*\/export(?:\/[^'"]*)?)['"]/g;
    for (const match of text.matchAll(staticExport)) {
      if (layerOf(resolve(dirname(file), match[1])) === 'export') {
        problems.push(`${where}: ui must load src/export lazily with import(), not import it (${match[1]})`);
      }
    }
  }
  if ((layer === 'model' || layer === 'export' || layer === 'sweep') && !isTest) {
    // Comments and string literals may say "window." or "Date"; code may not.
    const code = text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
    for (const re of FORBIDDEN_IN_MODEL) {
      if (re.test(code)) problems.push(`${where}: the ${layer} must stay deterministic and DOM-free (${re.source})`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
