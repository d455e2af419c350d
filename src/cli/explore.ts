/**
 * `npm run -s explore -- map|flip|odds|schedules '<query>' [options]`: the
 * timing space and every schedule headless, one JSON object on stdout. The query uses the app's URL
 * keys (several arguments are joined with `&`). A bad key, value or option
 * exits with code 2 and one line on stderr, like `npm run simulate`.
 *
 *   map   [--x KEY] [--y KEY] [--res N]   the race map: which cells lose the allocation
 *   flip                                   the nearest flip of each timing key
 *   odds  [--runs N]                       seeds 1..N with the scenario's jitter
 *   schedules [--no-reduction] [--budget N] [--seconds S] [--traces]   every interleaving of the threads
 */
import type { NumericKey, RaceId } from '../model/scenario';
import { countCells, lostRows } from '../sweep/cells';
import { nearestFlips } from '../sweep/flip-search';
import { axisValues, defaultRange, isMapAxisKey, MAP_AXIS_KEYS, MAP_RES, mapAxisKeysFor, type MapSpec } from '../sweep/map-spec';
import { evaluateMap } from '../sweep/map-run';
import { DEFAULT_ODDS_RUNS, oddsSummary } from '../sweep/odds';
import { runSeeds } from '../sweep/odds-run';
import { parseScenarioQuery } from '../url/scenario-query';
import { DEFAULT_SCHEDULE_BUDGET, schedulesReport } from './explore-schedules';

const COMMANDS = ['map', 'flip', 'odds', 'schedules'] as const;
type Command = (typeof COMMANDS)[number];
const OPTIONS: Readonly<Record<string, Command>> = {
  '--x': 'map', '--y': 'map', '--res': 'map', '--runs': 'odds', '--budget': 'schedules', '--seconds': 'schedules',
};
/** Options that take no value. */
const FLAGS: Readonly<Record<string, Command>> = { '--no-reduction': 'schedules', '--traces': 'schedules' };
const MAX_RUNS = 100_000;

const USAGE = `usage: npm run -s explore -- map|flip|odds '<query string>' [options]
  map  [--x KEY] [--y KEY] [--res N]  the race map (default x dropDelay, y migDelay, 0-3000 ms, 100 x 100):
                                      { x: {key, values}, y: {key, values}, lost: rows from the lowest y up, lostCells, cells, elapsedMs }
  flip                                the smallest change of each timing key that flips the verdict:
                                      { verdict, flips: [{ key, value, delta }] } nearest first
  odds [--runs N]                     seeds 1..N (default ${DEFAULT_ODDS_RUNS}) with the scenario's jitter:
                                      { runs, lost, share, ci95: [lo, hi] }
  schedules [--no-reduction] [--budget N] [--seconds S] [--traces]
                                      every order of the threads' atomic steps (time does not count):
                                      { schedules, outcomes, losingSchedules, shortestLosing, reduction, complete, elapsedMs, schedulesPerSecond }
                                      --traces adds interleavings: how many interleavings the DPOR schedules stand for (exact)
Axis keys: ${MAP_AXIS_KEYS.join(', ')} (race=1896463; each race offers the keys in ms it reads). Scenario keys and ranges: see README.md.`;

interface Invocation {
  readonly command: Command;
  readonly query: string;
  readonly options: Readonly<Record<string, string>>;
}

function readArgs(args: readonly string[]): Invocation | string {
  const [command, ...rest] = args;
  if (!COMMANDS.includes(command as Command)) return `the first argument must be one of ${COMMANDS.join(', ')}`;
  const options: Record<string, string> = {};
  const query: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      query.push(arg.replace(/^\?/, ''));
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
    if (flag in FLAGS) {
      if (FLAGS[flag] !== command) return `${flag} is an option of ${FLAGS[flag]}, not ${command}`;
      options[flag] = 'yes';
      continue;
    }
    if (!(flag in OPTIONS)) return `unknown option ${flag}`;
    if (OPTIONS[flag] !== command) return `${flag} is an option of ${OPTIONS[flag]}, not ${command}`;
    const value = inline ?? rest[++i];
    if (value === undefined) return `${flag} needs a value`;
    options[flag] = value;
  }
  return { command: command as Command, query: query.filter((q) => q.length > 0).join('&'), options };
}

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number, fallback: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) return `${flag} must be a whole number from ${min} to ${max}`;
  return Number(raw);
}

/** The map the query asks for, with --x, --y and --res applied (a key changed by an option gets its default range). */
function mapSpecOf(base: MapSpec, options: Readonly<Record<string, string>>, race: RaceId): MapSpec | string {
  const keys = mapAxisKeysFor(race);
  for (const flag of ['--x', '--y']) {
    const key = options[flag];
    if (key !== undefined && !(isMapAxisKey(key) && keys.includes(key))) return `${flag} must be one of ${keys.join(', ')}`;
  }
  const xKey = (options['--x'] ?? base.xKey) as NumericKey;
  const yKey = (options['--y'] ?? (xKey === base.yKey ? base.xKey : base.yKey)) as NumericKey;
  if (xKey === yKey) return `--x and --y both name ${xKey}`;
  const res = wholeNumber('--res', options['--res'], MAP_RES.min, MAP_RES.max, base.res);
  if (typeof res === 'string') return res;
  const [xMin, xMax] = xKey === base.xKey ? [base.xMin, base.xMax] : defaultRange(xKey);
  const [yMin, yMax] = yKey === base.yKey ? [base.yMin, base.yMax] : defaultRange(yKey);
  return { xKey, yKey, xMin, xMax, yMin, yMax, res };
}

function main(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const fail = (message: string): number => {
    process.stderr.write(`explore: ${message}\n`);
    return 2;
  };
  const invocation = readArgs(args);
  if (typeof invocation === 'string') return fail(invocation);
  const parsed = parseScenarioQuery(invocation.query);
  const problems = parsed.notices.filter((n) => n.key !== 'step');
  if (problems.length > 0) return fail(problems.map((n) => n.problem).join('; '));
  const { scenario } = parsed;
  const print = (value: unknown): number => {
    process.stdout.write(`${JSON.stringify(value)}\n`);
    return 0;
  };
  switch (invocation.command) {
    case 'map': {
      const spec = mapSpecOf(parsed.map, invocation.options, scenario.race);
      if (typeof spec === 'string') return fail(spec);
      const started = performance.now();
      const cells = evaluateMap(scenario, spec);
      const elapsedMs = Math.round((performance.now() - started) * 10) / 10;
      return print({
        x: { key: spec.xKey, values: axisValues(spec, 'x') },
        y: { key: spec.yKey, values: axisValues(spec, 'y') },
        lost: lostRows(cells, spec.res),
        lostCells: countCells(cells).lost,
        cells: cells.length,
        elapsedMs,
      });
    }
    case 'flip': {
      const report = nearestFlips(scenario);
      return print({ verdict: report.verdict, flips: report.flips.map(({ key, value, delta }) => ({ key, value, delta })) });
    }
    case 'odds': {
      const runs = wholeNumber('--runs', invocation.options['--runs'], 1, MAX_RUNS, DEFAULT_ODDS_RUNS);
      if (typeof runs === 'string') return fail(runs);
      const summary = oddsSummary(runSeeds(scenario, 1, runs + 1));
      return print({ runs: summary.runs, lost: summary.lost, share: summary.share, ci95: summary.ci95 });
    }
    case 'schedules': {
      const budget = wholeNumber('--budget', invocation.options['--budget'], 1, 100_000_000, DEFAULT_SCHEDULE_BUDGET);
      if (typeof budget === 'string') return fail(budget);
      const seconds = wholeNumber('--seconds', invocation.options['--seconds'], 1, 86_400, 0);
      if (typeof seconds === 'string') return fail(seconds);
      return print(schedulesReport(scenario, {
        reduction: invocation.options['--no-reduction'] === undefined,
        budget,
        seconds: seconds === 0 ? null : seconds,
        measureTraces: invocation.options['--traces'] !== undefined,
        now: () => performance.now(),
      }));
    }
  }
}

process.exitCode = main(process.argv.slice(2));
