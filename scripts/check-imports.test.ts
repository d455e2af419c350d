/** The layering checker, run on fixture trees: each rule catches a probe that breaks it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const checker = join(import.meta.dirname, 'check-imports.mjs');

function check(files: Record<string, string>): { status: number | null; lines: string[] } {
  const src = join(mkdtempSync(join(tmpdir(), 'imports-')), 'src');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  const result = spawnSync(process.execPath, [checker, src], { encoding: 'utf8' });
  return { status: result.status, lines: result.stderr.split('\n').filter(Boolean) };
}

describe('check-imports', () => {
  it('passes on the repository itself', () => {
    const result = spawnSync(process.execPath, [checker], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('catches a ui file that imports the worker or model internals', () => {
    const { status, lines } = check({
      'ui/probe.ts': "import { handleSimulate } from '../worker/handler';\nimport { simulate } from '../model/simulate';\n",
      'ui/fine.ts': "import type { Trace } from '../model';\nimport { createAppStore } from '../state/store';\n",
      'ui/fine.test.ts': "import { simulate } from '../model/simulate';\n",
    });
    expect(status).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/src\/ui\/probe\.ts: ui must not import worker \(\.\.\/worker\/handler\)$/),
      expect.stringMatching(/src\/ui\/probe\.ts: ui must import the model through src\/model\/index\.ts, not \.\.\/model\/simulate$/),
    ]);
  });

  it('keeps the model pure: no app layers, no packages, no clock or randomness (strings and comments aside)', () => {
    const { lines } = check({
      'model/a.ts': "import { x } from '../state/store';\nimport React from 'react';\nexport const t = Date.now();\n",
      'model/b.ts': "// Math.random is never used\nexport const words = () => 'this window. and Date';\nexport const r = Math.random();\n",
      'view/c.ts': "import React from 'react';\n",
    });
    expect(lines).toEqual([
      expect.stringMatching(/model\/a\.ts: model must not import state/),
      expect.stringMatching(/model\/a\.ts: model must not import the package react/),
      expect.stringMatching(/model\/a\.ts: the model must stay deterministic and DOM-free \(\\bDate\\b\)/),
      expect.stringMatching(/model\/b\.ts: the model must stay deterministic and DOM-free \(Math\\.random\)/),
      expect.stringMatching(/view\/c\.ts: view must not import the package react/),
    ]);
  });

  it('keeps the sweeps that run the model out of the page: ui, state and url import only model-free sweep files', () => {
    const { status, lines } = check({
      'model/index.ts': 'export type X = 1;\n',
      'model/simulate.ts': 'export const simulateOutcome = () => 1;\n',
      'sweep/grid.ts': "import type { X } from '../model';\nexport const grid = 1;\n",
      'sweep/run.ts': "import { simulateOutcome } from '../model/simulate';\nexport const run = simulateOutcome;\n",
      'sweep/clock.ts': 'export const t = Date.now();\n',
      'ui/map.ts': "import { grid } from '../sweep/grid';\nimport { run } from '../sweep/run';\n",
      'state/jobs.ts': "import { run } from '../sweep/run';\n",
      'worker/sweep.ts': "import { run } from '../sweep/run';\n",
      'cli/explore.ts': "import { run } from '../sweep/run';\n",
    });
    expect(status).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/state\/jobs\.ts: state must not import \.\.\/sweep\/run, which runs the model/),
      expect.stringMatching(/sweep\/clock\.ts: the sweep must stay deterministic and DOM-free/),
      expect.stringMatching(/ui\/map\.ts: ui must not import \.\.\/sweep\/run, which runs the model/),
    ]);
  });
});
