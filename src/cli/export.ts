/**
 * `npm run -s export -- --format chrome|svg|markdown|nova-test '<query>'`:
 * the app's exports, headless, on stdout. The query uses the app's URL keys
 * (several arguments are joined with `&`; `step=` picks the step the SVG's
 * host view shows). A bad format, key or value exits with code 2 and one
 * line on stderr, like `npm run simulate`.
 */
import { DEFAULT_BASE_URL, ExportNotAvailable, EXPORT_FORMATS, type ExportFormat, simulateAndExport } from '../export';
import { parseScenarioQuery } from '../url/scenario-query';

const USAGE = `usage: npm run -s export -- --format ${EXPORT_FORMATS.join('|')} [--base-url URL] '<query string>'
  chrome     Chrome Trace Event JSON (open in Perfetto UI or chrome://tracing; the app imports it back)
  svg        the picture: verdict, timeline, host PCI view, trace hash and link (1200 px wide)
  markdown   a short summary for a bug report
  nova-test  a functional test for Nova's tree with the scenario's sleeps (every race)
Links in the output start with --base-url (default ${DEFAULT_BASE_URL}, where npm start serves the app).`;

interface Options {
  readonly format: string | null;
  readonly baseUrl: string;
  readonly query: string;
}

function readOptions(args: readonly string[]): Options | string {
  let format: string | null = null;
  let baseUrl = DEFAULT_BASE_URL;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined];
    if (flag === '--format' || flag === '--base-url') {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value`;
      if (flag === '--format') format = value;
      else baseUrl = value;
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}`;
    } else rest.push(arg);
  }
  const query = rest.map((a) => a.replace(/^\?/, '')).filter((a) => a.length > 0).join('&');
  return { format, baseUrl, query };
}

const isFormat = (f: string | null): f is ExportFormat => EXPORT_FORMATS.includes(f as ExportFormat);

function main(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = readOptions(args);
  const fail = (message: string): number => {
    process.stderr.write(`export: ${message}\n`);
    return 2;
  };
  if (typeof options === 'string') return fail(options);
  if (!isFormat(options.format)) return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!/^https?:\/\/[^\s"'<>]+$/.test(options.baseUrl)) return fail('--base-url must be an http(s) URL');
  const parsed = parseScenarioQuery(options.query);
  if (parsed.notices.length > 0) return fail(parsed.notices.map((n) => n.problem).join('; '));
  let file;
  try {
    file = simulateAndExport(options.format, { scenario: parsed.scenario, cursor: parsed.cursor, baseUrl: options.baseUrl });
  } catch (error) {
    if (error instanceof ExportNotAvailable) return fail(error.message);
    throw error;
  }
  process.stdout.write(file.text);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
