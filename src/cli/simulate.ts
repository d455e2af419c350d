/**
 * `npm run -s simulate -- '<query string>'`: run one scenario headless and
 * print the trace as JSON. The query uses the app's URL keys; several
 * arguments are joined with `&`. A bad key or value exits with code 2 and one
 * line on stderr that names it, so scripts in other CIs can rely on it.
 */
import { scenarioKeysRead } from '../model/scenario';
import { ScheduleMismatch, simulate } from '../model/simulate';
import { isUsageOutcome } from '../model/types';
import { parseScenarioQuery, scenarioToQuery } from '../url/scenario-query';
import { VIEW_KEYS } from '../url/view-keys';

const USAGE = `usage: npm run -s simulate -- '<query string>'   e.g. 'fix=1&migDelay=500', 'race=1879878-confirm'
Prints one JSON object: race, verdict, bugReproduced, mechanism, usage, then per race: pciAllocated (1896463) or
usageWhenFinished and expectedUsage (the usage races), steps, facts, traceHash, ...
Keys and ranges: see README.md ("Scenario keys").`;

function main(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const query = args.map((a) => a.replace(/^\?/, '')).filter((a) => a.length > 0).join('&');
  const parsed = parseScenarioQuery(query);
  // Keys of what the app shows (step, visible range) are accepted and ignored: an app link works here too.
  const problems = parsed.notices.filter((n) => !VIEW_KEYS.includes(n.key));
  if (problems.length > 0) {
    process.stderr.write(`simulate: ${problems.map((n) => n.problem).join('; ')}\n`);
    return 2;
  }
  let trace: ReturnType<typeof simulate>;
  try {
    trace = simulate(parsed.scenario);
  } catch (error) {
    if (!(error instanceof ScheduleMismatch)) throw error;
    process.stderr.write(`simulate: schedule= does not fit this scenario: ${error.message}\n`);
    return 2;
  }
  const { steps, violations, verdict, lockSpans, stopped, endTime, traceHash, facts } = trace;
  const race = isUsageOutcome(verdict)
    ? {
        race: verdict.race,
        verdict: verdict.verdict,
        bugReproduced: verdict.bugReproduced,
        mechanism: verdict.mechanism,
        usage: verdict.usage,
        usageWhenFinished: verdict.usageWhenFinished,
        expectedUsage: verdict.expectedUsage,
      }
    : {
        race: parsed.scenario.race,
        verdict: verdict.verdict,
        allocationLost: verdict.allocationLost,
        mechanism: verdict.mechanism,
        bugReproduced: verdict.bugReproduced,
        // #1896463's model counts PCI devices, not vCPUs: it has no usage counters to print.
        usage: null,
        pciAllocated: verdict.pciAllocated,
        instanceHost: verdict.instanceHost,
        // With evacuees=2 only: each evacuee's verdict and counts, and which lost their allocation.
        ...(verdict.evacuees ? { evacuees: verdict.evacuees, lostInstances: verdict.lostInstances ?? [] } : {}),
      };
  const output = {
    query: scenarioToQuery(parsed.scenario, null),
    // The keys the race reads (`race` only when not the default): #1896463's look as they always did.
    scenario: scenarioKeysRead(parsed.scenario),
    ...(parsed.ignored.length > 0 ? { ignoredKeys: parsed.ignored } : {}),
    clock: verdict.clock,
    ...race,
    reason: verdict.reason,
    times: verdict.times,
    traceHash,
    stopped,
    endTime,
    steps,
    lockSpans,
    violations,
    facts,
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
