/**
 * Every export behind one call, for the CLI and for the app's lazily loaded
 * export chunk: `(format, trace, context) -> file`. The app simulates in
 * this chunk too (`simulateAndExport`), so the model's `simulate` stays out
 * of the start-up bundle; the functions take a full `Trace`, so the worker's
 * trace can be fed in later instead.
 */
import { simulate } from '../model/simulate';
import type { Trace } from '../model/types';
import { toChromeTrace } from './chrome-trace';
import type { ExportContext } from './links';
import { NOVA_TEST_FILES, novaFunctionalTest } from './nova-test';

export { ExportNotAvailable } from './nova-test';
import { bugReportMarkdown } from './summary';
import { scenarioSvg } from './svg';

export const EXPORT_FORMATS = ['chrome', 'svg', 'markdown', 'nova-test'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  readonly text: string;
  readonly fileName: string;
  readonly mimeType: string;
}

/**
 * One export of one trace.
 *
 * @example exportTrace('markdown', trace, { scenario, cursor: null, baseUrl }).text
 */
export function exportTrace(format: ExportFormat, trace: Trace, ctx: ExportContext): ExportedFile {
  const stem = `racelab-${trace.traceHash}`;
  switch (format) {
    case 'chrome':
      return { text: `${JSON.stringify(toChromeTrace(trace, ctx))}\n`, fileName: `${stem}.trace.json`, mimeType: 'application/json' };
    case 'svg':
      return { text: scenarioSvg(trace, ctx), fileName: `${stem}.svg`, mimeType: 'image/svg+xml' };
    case 'markdown':
      return { text: bugReportMarkdown(trace, ctx), fileName: `${stem}.md`, mimeType: 'text/markdown' };
    case 'nova-test':
      return { text: novaFunctionalTest(trace, ctx), fileName: NOVA_TEST_FILES[ctx.scenario.race], mimeType: 'text/x-python' };
  }
}

/** Simulate the context's scenario, then export it. */
export function simulateAndExport(format: ExportFormat, ctx: ExportContext): ExportedFile {
  return exportTrace(format, simulate(ctx.scenario), ctx);
}

export { DEFAULT_BASE_URL, type ExportContext } from './links';
export { importSizeProblem, MAX_IMPORT_BYTES, readTraceExport, type ImportResult } from './trace-import';
