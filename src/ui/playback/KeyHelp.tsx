/**
 * The keyboard shortcuts, on screen: a "?" button (or the ? key) opens the
 * list; Escape, the button or a click elsewhere closes it.
 */
import { useEffect, useId, useRef } from 'react';
import type { AppState } from '../../state/store';
import { useApp, useAppStore } from '../store-context';
import { STEP_KEYS } from './step-keys';

const selectOpen = (s: AppState) => s.keyHelpOpen;

/** Keys that belong to other parts of the screen, listed with the stepping keys. */
const OTHER_KEYS: readonly { readonly keys: readonly string[]; readonly text: string }[] = [
  { keys: ['Enter'], text: 'toggle a focused checkbox (Space plays)' },
  { keys: ['Ctrl', 'wheel'], text: 'zoom the timeline (the wheel alone does where the page does not scroll, or after a click into it)' },
];

export function KeyHelp() {
  const store = useAppStore();
  const open = useApp(selectOpen);
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: PointerEvent): void => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) store.getState().setKeyHelpOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open, store]);
  return (
    <div className="key-help" data-testid="key-help" data-open={open ? 'true' : 'false'} ref={ref}>
      <button
        type="button"
        className="key-help-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="Keyboard shortcuts (?)"
        title="Keyboard shortcuts (?)"
        onClick={() => store.getState().setKeyHelpOpen(!open)}
      >
        ?
      </button>
      {open ? (
        <div className="key-help-panel" id={panelId} role="dialog" aria-label="Keyboard shortcuts" data-testid="key-help-panel">
          <h2 className="panel-title">Keys</h2>
          <dl>
            {[...STEP_KEYS, ...OTHER_KEYS].map((item) => (
              <div key={item.text} className="key-help-row">
                <dt>
                  {item.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? (item.keys[0] === 'Ctrl' ? ' + ' : ' ') : null}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{item.text}</dd>
              </div>
            ))}
          </dl>
          <p className="key-help-note">Stepping keys work everywhere except in a number field; a focused slider keeps its arrows, Home and End.</p>
        </div>
      ) : null}
    </div>
  );
}
