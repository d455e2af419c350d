/**
 * The Export menu in the header: the trace for Perfetto, the picture (SVG,
 * PNG), the Nova functional test, the bug-report summary, and importing an
 * exported trace (file picker here, or drop it anywhere on the page).
 */
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store-context';
import { copySummary, downloadExport, guarded, importTraceFile } from './export-actions';
import { TraceDropZone } from './TraceDropZone';
import './export.css';

type Item = { readonly id: 'chrome' | 'svg' | 'png' | 'nova-test'; readonly label: string; readonly hint: string };

const DOWNLOADS: readonly Item[] = [
  { id: 'chrome', label: 'Trace (.json)', hint: 'Chrome Trace Event JSON: open it in Perfetto UI or chrome://tracing, or import it here later' },
  { id: 'svg', label: 'Picture (.svg)', hint: 'Verdict, timeline, host PCI view, trace hash and link, 1200 px wide' },
  { id: 'png', label: 'Picture (.png)', hint: 'The same picture as a PNG, for places that do not take SVG' },
  { id: 'nova-test', label: 'Nova test (.py)', hint: "A functional test for Nova's tree with this scenario's sleeps and the model's expected counts" },
];

export function ExportMenu() {
  const store = useAppStore();
  const menu = useRef<HTMLDetailsElement>(null);
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // A menu closes when you click elsewhere or press Escape.
  useEffect(() => {
    const onPointer = (event: PointerEvent): void => {
      if (menu.current?.open && !menu.current.contains(event.target as Node)) menu.current.open = false;
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && menu.current?.open) menu.current.open = false;
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const importFile = useCallback(
    (file: File): void => void guarded(store, 'Importing the trace', () => importTraceFile(store, file)),
    [store],
  );
  const close = (): void => {
    if (menu.current) menu.current.open = false;
  };
  const onCopy = (): void =>
    void guarded(store, 'Copying the summary', async () => {
      const ok = await copySummary(store);
      setCopied(ok);
      window.clearTimeout(timer.current);
      if (ok) timer.current = window.setTimeout(() => setCopied(false), 2500);
    });
  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    close();
    if (file) importFile(file);
  };

  return (
    <div className="export-controls">
      <button type="button" className="copy-summary" data-testid="copy-summary" data-state={copied ? 'copied' : 'idle'} onClick={onCopy}
        title="Copy a short Markdown summary for a bug report: verdict, key times, link and the simulate command">
        {copied ? '✓ Summary copied' : 'Copy summary'}
        <span className="visually-hidden" aria-live="polite">{copied ? 'The summary was copied to the clipboard.' : ''}</span>
      </button>
      <details className="export-menu" ref={menu} data-testid="export-menu">
        <summary>Export</summary>
        <div className="export-menu-items" role="group" aria-label="Export and import">
          {DOWNLOADS.map((item) => (
            <button key={item.id} type="button" data-testid={`export-${item.id}`} title={item.hint}
              onClick={() => {
                close();
                void guarded(store, `Exporting ${item.label}`, () => downloadExport(store, item.id));
              }}>
              {item.label}
            </button>
          ))}
          <label className="export-import" title="Load the scenario of a trace exported here (.json), or drop the file anywhere on the page">
            Import trace…
            <input type="file" accept=".json,application/json" data-testid="import-trace-input" onChange={onFile} />
          </label>
        </div>
      </details>
      <TraceDropZone onFile={importFile} />
    </div>
  );
}
