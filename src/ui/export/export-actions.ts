/**
 * What the Export menu does. src/export (and the model's `simulate`) are
 * loaded on first use with import(), so none of it is in the start-up
 * bundle. The scenario and step on screen are exported; the trace is
 * simulated again in that chunk (deterministic, so it is the trace on screen).
 */
import type { AppStore } from '../../state/store';
import type { ExportFormat } from '../../export';
import { copyText, saveFile, svgToPng } from './browser-files';

const loadExports = () => import('../../export');

function appBaseUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

function contextOf(store: AppStore) {
  const { scenario, cursor, trace } = store.getState();
  const last = (trace?.steps.length ?? 0) - 1;
  return { scenario, cursor: cursor >= last ? null : cursor, baseUrl: appBaseUrl() };
}

function tell(store: AppStore, level: 'info' | 'error', text: string): void {
  const state = store.getState();
  state.clearNotices('file');
  state.addNotice({ source: 'file', level, text });
}

/** Run an action; a failure becomes a message in the notice area rather than an unhandled rejection. */
export async function guarded(store: AppStore, what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    tell(store, 'error', `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Download one export of the scenario on screen; `png` is the SVG rasterised. */
export async function downloadExport(store: AppStore, format: ExportFormat | 'png'): Promise<void> {
  const { simulateAndExport } = await loadExports();
  const file = simulateAndExport(format === 'png' ? 'svg' : format, contextOf(store));
  if (format === 'png') {
    saveFile(await svgToPng(file.text), file.fileName.replace(/\.svg$/, '.png'));
  } else {
    saveFile(new Blob([file.text], { type: file.mimeType }), file.fileName);
  }
}

/** Put the Markdown summary on the clipboard, or download it when the browser refuses. */
export async function copySummary(store: AppStore): Promise<boolean> {
  const { simulateAndExport } = await loadExports();
  const file = simulateAndExport('markdown', contextOf(store));
  if (await copyText(file.text)) return true;
  saveFile(new Blob([file.text], { type: file.mimeType }), file.fileName);
  tell(store, 'info', `The browser would not let the page copy, so the summary was downloaded as ${file.fileName}.`);
  return false;
}

const shownName = (name: string): string => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

/**
 * Load the scenario of an exported trace file. The size is checked before
 * anything is read; a file that does not fit leaves everything as it was.
 */
export async function importTraceFile(store: AppStore, file: File): Promise<void> {
  const { importSizeProblem, readTraceExport } = await loadExports();
  const tooBig = importSizeProblem(file.size);
  if (tooBig) return tell(store, 'error', `${shownName(file.name)}: ${tooBig}`);
  const result = readTraceExport(await file.text());
  if (!result.ok) return tell(store, 'error', `${shownName(file.name)}: ${result.message}`);
  const state = store.getState();
  state.requestCursor(Number.POSITIVE_INFINITY);
  state.loadScenario(result.scenario, 'push');
  tell(store, 'info', `Loaded the scenario of ${shownName(file.name)} (${result.query}, trace #${result.traceHash}) and simulated it again.`);
  warnIfHashDiffers(store, result.traceHash);
}

/** The model may have changed since the export: say so when the new trace is not the file's. */
function warnIfHashDiffers(store: AppStore, expected: string): void {
  const scenario = store.getState().scenario;
  const unsubscribe = store.subscribe((s) => {
    if (s.scenario !== scenario) return unsubscribe();
    if (s.runStatus !== 'ready' || s.tracedScenario !== scenario || !s.trace) return;
    unsubscribe();
    if (s.trace.traceHash !== expected) {
      s.addNotice({
        source: 'file', level: 'warning',
        text: `The file's trace was #${expected}; this version of the model gives #${s.trace.traceHash} for the same scenario.`,
      });
    }
  });
}
