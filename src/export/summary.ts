/**
 * "Copy summary": a short Markdown text for a bug report or a review
 * comment. Bullets rather than a table, so it also reads as plain text
 * (Launchpad shows comments unformatted).
 */
import { RACE_INFO } from '../model/races/catalog';
import { isUsageOutcome, type Moment, type Trace, type StepRow, type UsageVerdict } from '../model/types';
import { EVACUEE } from '../model/world';
import { formatTime } from '../view/time-format';
import { type ExportContext, scenarioLink, scenarioQuery, simulateCommand } from './links';
import { keyTimes, WATCHED_HOST } from './race-facts';
import { verdictCounts, verdictTitle } from './verdict-text';

/** Did host2's periodic read at `step` see the evacuee (snapshot 1) or its migration (snapshot 2)? */
function snapshotSaw(trace: Trace, step: StepRow): boolean {
  const view = trace.states[step.index + 1]?.hosts[WATCHED_HOST]?.periodic;
  if (step.kind === 'instance-list') return (view?.instances ?? []).some((row) => row.uuid === EVACUEE);
  return (view?.migrations ?? []).some((row) => row.instanceUuid === EVACUEE);
}

function keyTimeLines(trace: Trace): string[] {
  const k = keyTimes(trace);
  const saw = (step: StepRow | null, yes: string, no: string): string => (step ? ` (${snapshotSaw(trace, step) ? yes : no})` : '');
  const moments: { step: StepRow | null; what: string }[] = [
    { step: k.claim, what: 'rebuild_claim on host2' },
    { step: k.snapshot1, what: `host2 periodic, snapshot 1 (InstanceList.get_by_host_and_node)${saw(k.snapshot1, `listed ${EVACUEE}`, `${EVACUEE} not listed`)}` },
    { step: k.hostSaved, what: 'evacuation saves instance.host = host2' },
    { step: k.migrationDone, what: "migration.status = 'done'" },
    { step: k.snapshot2, what: `host2 periodic, snapshot 2 (MigrationList.get_in_progress_and_error)${saw(k.snapshot2, 'migration in progress', 'migration not in progress')}` },
    { step: k.freed, what: `clean_usage frees ${EVACUEE}'s device${k.freed?.address ? ` ${k.freed.address}` : ''}` },
  ];
  // In the order they took effect (step order), so the race reads top to bottom; what never happened last.
  const order = (m: { step: StepRow | null }): number => m.step?.index ?? Number.POSITIVE_INFINITY;
  return [...moments].sort((a, b) => order(a) - order(b)).map((m) => `- ${m.step ? formatTime(m.step.end) : 'never'}: ${m.what}`);
}

/** A usage race's moments, in the order they took effect. */
function usageTimeLines(trace: Trace, verdict: UsageVerdict): string[] {
  const t = verdict.times;
  const name = (m: Moment | null): string => (m ? (trace.steps[m.step]?.name ?? '') : '');
  const run = t.decidingRun;
  const moments: { at: Moment | null; what: string }[] = [
    { at: t.windowOpened, what: `${name(t.windowOpened)} (the window opens)` },
    { at: run?.instanceRead ?? null, what: `${run?.host ?? ''} periodic run ${run?.run ?? ''}: instance list` },
    { at: run?.migrationRead ?? null, what: `${run?.host ?? ''} periodic run ${run?.run ?? ''}: in-progress migrations` },
    { at: run?.saved ?? null, what: `${run?.host ?? ''} periodic saves vcpus_used` },
    { at: t.dropped, what: `drop_move_claim on ${t.dropped?.host ?? ''}: subtracts ${t.dropped?.vcpus ?? 0} vCPU` },
    { at: t.windowClosed, what: `${name(t.windowClosed)} (the window closes)` },
    { at: t.finished, what: `the ${RACE_INFO[verdict.race].operation} finishes` },
    { at: t.restored, what: 'a later periodic restores the expected usage' },
  ];
  return moments
    .filter((m, i, all) => m.at !== null && all.findIndex((o) => o.at?.step === m.at?.step) === i)
    .sort((a, b) => a.at!.step - b.at!.step)
    .map((m) => `- ${formatTime(m.at!.time)}: ${m.what}`);
}

/**
 * The summary of one trace.
 *
 * @example bugReportMarkdown(simulate(defaultScenario()), ctx).split('\n')[0] // '**Racelab: PCI allocation LOST on host2** ...'
 */
export function bugReportMarkdown(trace: Trace, ctx: ExportContext): string {
  const { verdict } = trace;
  const info = RACE_INFO[ctx.scenario.race];
  const usage = isUsageOutcome(verdict);
  const lines = [
    `**Racelab: ${verdictTitle(verdict)}** (Nova bug #${info.bug}, scenario \`${scenarioQuery(ctx.scenario)}\`, trace #${trace.traceHash})`,
    '',
    verdict.reason,
    '',
    usage ? `${verdictCounts(verdict)}.` : `${verdictCounts(verdict)} (the Nova regression test expects 1 on each).`,
    '',
    `Key times (virtual ms after the API accepted the ${info.operation}):`,
    ...(usage ? usageTimeLines(trace, verdict) : keyTimeLines(trace)),
    '',
    `Scenario: ${scenarioLink(ctx)}`,
    `Headless: \`${simulateCommand(ctx.scenario)}\``,
    '',
    "_Simulated by Racelab's model of Nova's resource tracker, not a run of real Nova._",
  ];
  if (trace.stopped) lines.splice(4, 0, '', `Note: ${trace.stopped.message}`);
  return `${lines.join('\n')}\n`;
}
