/**
 * "Back to Nova" for the usage races (#1879878 confirm and revert,
 * #2025480): a functional test for Nova's tree that runs the scenario's
 * window sleep (or the driver's spawn time) against real code, starts
 * `_run_periodics()` in its own green thread `periodicAt` ms after the
 * POST, and asserts `vcpus_used` per host as the model predicts once the
 * operation has finished (`usageWhenFinished`), then, with
 * `periodicRuns` > 1, after the later periodics (`usage`).
 *
 * For the buggy variant the file patches the pre-fix sequence over the
 * function Nova 26.2.2 calls (`drop_move_claim_at_source`, `_at_dest`,
 * `vm_states.allow_resource_removal`), so it reproduces on a Nova that has
 * the fixes; for the fixed variant it runs Nova's own code.
 */
import { RACE_INFO } from '../model/races/catalog';
import { simulate } from '../model/simulate';
import type { Scenario } from '../model/scenario';
import type { Trace, UsageRaceId, UsageVerdict } from '../model/types';
import { type ExportContext, scenarioLink, scenarioQuery } from './links';
import { fitToNovaHarness } from './nova-harness';
import { bullet, comment, ExportNotAvailable, footer, pyUsage, seconds, wrap } from './nova-test-text';
import { PRE_FIX, usageImports, usageTestBody } from './nova-test-usage-py';
import { verdictTitle } from './verdict-text';

/** What the fixed and the buggy code under test are, per race. */
const CODE_UNDER_TEST: Readonly<Record<UsageRaceId, { readonly fixed: string; readonly buggy: string }>> = {
  '1879878-confirm': {
    fixed:
      "Nova's own, with the fix: ResourceTracker.drop_move_claim_at_source saves 'confirmed', drops the claim and the migration context while holding COMPUTE_RESOURCE_SEMAPHORE, so the window sleep is slept under the lock.",
    buggy:
      "the sequence from before the fix, patched in over ResourceTracker.drop_move_claim_at_source: 'confirmed' saved without the lock, then the locked drop with the old flavor. So the race reproduces on a Nova that has the fix; on one without it (no drop_move_claim_at_source), drop that patch.",
  },
  '1879878-revert': {
    fixed:
      "Nova's own, with the fix: ResourceTracker.drop_move_claim_at_dest saves 'reverted', drops the claim with the new flavor and reverts the migration context while holding COMPUTE_RESOURCE_SEMAPHORE, so the window sleep is slept under the lock. finish_revert_resize on host1 still saves host=host1 later, outside it.",
    buggy:
      "the sequence from before the fix, patched in over ResourceTracker.drop_move_claim_at_dest: 'reverted' and the reverted migration context saved without the lock, then the locked drop without a flavor. So the race reproduces on a Nova that has the fix; on one without it (no drop_move_claim_at_dest), drop that patch.",
  },
  '2025480': {
    fixed:
      "Nova's own, with the fix: vm_states.allow_resource_removal(vm_state, task_state) keeps a SHELVED_OFFLOADED instance that is SPAWNING counted. No lock is involved.",
    buggy:
      'the predicate from before the fix, patched in over vm_states.allow_resource_removal: a SHELVED_OFFLOADED instance is left out whatever its task_state. So the race reproduces on a Nova that has the fix; on one without it (no allow_resource_removal), drop that patch.',
  },
};

const usageOf = (t: Trace): UsageVerdict => t.verdict as UsageVerdict;

function header(trace: Trace, asserted: Trace, ctx: ExportContext, caveats: readonly string[], fit: Scenario): string[] {
  const race = fit.race as UsageRaceId;
  const info = RACE_INFO[race];
  const hosts = info.hosts;
  const counts = (t: Trace): string => {
    const v = usageOf(t);
    const when = v.usageWhenFinished ? pyUsage(v.usageWhenFinished, hosts) : 'never';
    return `vcpus_used when the ${info.operation} finished: ${when};\n#   Nova's test expects ${pyUsage(v.expectedUsage, hosts)}`;
  };
  const out = [
    `# Nova bug #${info.bug} (${info.title.replace(/^#\d+ /, '')}) with the timing of a Racelab scenario.`,
    `# ${info.refs.bugUrl}`,
    `# Nova's own regression test: ${info.refs.testPath}`,
    `# Scenario: ${comment(scenarioLink(ctx))}`,
    `# Model (trace #${trace.traceHash}): ${verdictTitle(trace.verdict)};`,
    `#   ${counts(trace)}.`,
  ];
  if (caveats.length > 0) {
    out.push('#', '# What this harness cannot reproduce (the test runs the rest):');
    for (const c of caveats) out.push(...bullet(c));
    out.push(
      `# For what it does run (${scenarioQuery(fit)}) the model predicts: ${verdictTitle(asserted.verdict)};`,
      `#   ${counts(asserted)}.`,
      "# The test asserts the model's counts.",
    );
  }
  const code = fit.fix ? CODE_UNDER_TEST[race].fixed : CODE_UNDER_TEST[race].buggy;
  const fixNote = `(fix: commit ${info.refs.fixCommit.slice(0, 10)}, "${info.refs.fixTitle}")`;
  const timing =
    "Timing: PERIODIC_AT counts from the POST, as the model's periodicAt does, but Nova's API and computes take longer than the model's steps (dbLatency, 20 ms casts) to reach the racing writes, and vary with the machine's load: a periodic near an edge of the window can land on its other side and give other counts.";
  out.push('#', ...wrap(`Code under test: ${code} ${fixNote}`).map((l) => `# ${l}`), '#', ...wrap(timing).map((l) => `# ${l}`), '#', ...footer(race));
  return out;
}

/** The comment over EXPECTED_WHEN_FINISHED: right or wrong, and what a later periodic does. */
function expectationNote(v: UsageVerdict, fit: Scenario): string[] {
  const hosts = RACE_INFO[v.race].hosts;
  const op = RACE_INFO[v.race].operation;
  const expected = pyUsage(v.expectedUsage, hosts);
  if (v.verdict === 'kept') return [`# Right: what Nova's test expects once the ${op} has finished.`];
  const why = v.bugReproduced ? `bug #${RACE_INFO[v.race].bug}` : `${v.mechanism ?? 'unexplained'}: a window the fix does not close`;
  const later =
    fit.periodicRuns > 1
      ? 'The race is transient: the later _run_periodics() calls rebuild the counters from scratch, and the model has them end at EXPECTED_AFTER_PERIODICS.'
      : `The race is transient: the model's counts come right only after a later _run_periodics(), which rebuilds them from scratch (periodicRuns=2 asserts that too).`;
  return wrap(`Wrong (${why}): Nova's test expects ${expected}. ${later}`).map((l) => `# ${l}`);
}

function constants(race: UsageRaceId, fit: Scenario, v: UsageVerdict): string[] {
  const hosts = RACE_INFO[race].hosts;
  const op = RACE_INFO[race].operation;
  const post = race === '1879878-confirm' ? 'confirmResize' : race === '1879878-revert' ? 'revertResize' : 'unshelve';
  const window = race === '2025480' ? fit.spawn : fit.winDelay;
  const out =
    race === '2025480'
      ? [`SPAWN_SLEEP = ${seconds(fit.spawn)}  # s in driver.spawn (spawn=${fit.spawn} ms)`]
      : [
          `# Slept right after the migration is saved ${race === '1879878-confirm' ? "'confirmed'" : "'reverted'"}:`,
          `WINDOW_SLEEP = ${seconds(fit.winDelay)}  # s (winDelay=${fit.winDelay} ms)`,
        ];
  out.push(
    `PERIODIC_AT = ${seconds(fit.periodicAt)}  # s after the POST of ${post} (periodicAt=${fit.periodicAt} ms)`,
    ...wrap(`_run_periodics() calls: the first at PERIODIC_AT, the others once the ${op} has finished.`).map((l) => `# ${l}`),
    `PERIODIC_RUNS = ${fit.periodicRuns}  # (periodicRuns=${fit.periodicRuns})`,
    `OPERATION_TIMEOUT = ${Math.ceil((fit.periodicAt + window) / 1000) + 30}  # s`,
    `# What the model predicts for vcpus_used once the ${op} has finished:`,
    `EXPECTED_WHEN_FINISHED = ${pyUsage(v.usageWhenFinished ?? {}, hosts)}`,
    ...expectationNote(v, fit),
  );
  if (fit.periodicRuns > 1) {
    out.push('# ... and once the later _run_periodics() calls have returned:', `EXPECTED_AFTER_PERIODICS = ${pyUsage(v.usage, hosts)}`);
  }
  return out;
}

/**
 * The test file for a usage race's scenario.
 *
 * @example usageRaceNovaTest(simulate(defaultScenario('nova-test', '2025480')), ctx) // "... EXPECTED_WHEN_FINISHED = {'compute1': 0} ..."
 */
export function usageRaceNovaTest(trace: Trace, ctx: ExportContext): string {
  const fit = fitToNovaHarness(ctx.scenario);
  const same = scenarioQuery(fit.scenario) === scenarioQuery(ctx.scenario);
  const asserted = same ? trace : simulate(fit.scenario);
  const v = usageOf(asserted);
  const race = v.race;
  if (v.usageWhenFinished === null) {
    throw new ExportNotAvailable(
      `the Nova test export is not available for this scenario: in the model the ${RACE_INFO[race].operation} never finishes (${v.reason}), so there is nothing to assert.`,
    );
  }
  const s = fit.scenario;
  const sections = [
    [...header(trace, asserted, ctx, fit.caveats, s), '', ...usageImports(race, s.fix)].join('\n'),
    constants(race, s, v).join('\n'),
  ];
  if (!s.fix) sections.push(PRE_FIX[race]);
  sections.push(usageTestBody(race, s.fix, s.periodicRuns));
  // PEP 8: two blank lines between top-level parts.
  return sections.join('\n\n\n');
}
