#!/usr/bin/env node
/**
 * The layering rules, checked: imports flow ui -> state -> view/worker/url -> model.
 * - src/model imports only src/model (and no React, d3 or DOM-bound packages);
 *   it never reads a clock, timers or Math.random (determinism).
 * - src/view imports no React.
 * - src/worker, src/url and src/state import no React or ui code; src/state may use
 *   src/view's pure time math (what part of a trace is on screen is state).
 * Exits 1 with one line per broken rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const layerOf = (path) => relative(src, path).split('/')[0];
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What each layer may import from the app (other layers) and from packages. */
const RULES = {
  model: { layers: ['model'], packages: [] },
  view: { layers: ['view', 'model'], packages: ['d3-array', 'd3-scale', 'd3-axis', 'd3-zoom', 'd3-selection', 'd3-scale-chromatic'] },
  url: { layers: ['url', 'model'], packages: ['valibot'] },
  worker: { layers: ['worker', 'model'], packages: [] },
  state: { layers: ['state', 'view', 'worker', 'url', 'model'], packages: ['zustand'] },
  cli: { layers: ['cli', 'url', 'model'], packages: [] },
};
const FORBIDDEN_IN_MODEL = [/\bDate\b/, /Math\.random/, /\bsetTimeout\b/, /\bsetInterval\b/, /\bperformance\./, /\bwindow\./, /\bdocument\./];

const problems = [];
for (const file of files(src)) {
  const layer = layerOf(file);
  const rule = RULES[layer];
  if (!rule) continue;
  const isTest = /\.test\.tsx?$/.test(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(importRe)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith('.')) {
      const target = layerOf(resolve(dirname(file), spec));
      if (!rule.layers.includes(target)) problems.push(`${relative(root, file)}: ${layer} must not import ${layer === target ? '' : target + ' '}(${spec})`);
    } else if (!isTest && !rule.packages.some((p) => spec === p || spec.startsWith(`${p}/`))) {
      problems.push(`${relative(root, file)}: ${layer} must not import the package ${spec}`);
    }
  }
  if (layer === 'model' && !isTest) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const re of FORBIDDEN_IN_MODEL) {
      if (re.test(code)) problems.push(`${relative(root, file)}: the model must stay deterministic and DOM-free (${re.source})`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
