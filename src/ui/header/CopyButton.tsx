/**
 * A button that copies a text (the link, the simulate command) and says so;
 * when the browser will not let the page copy, a notice shows the text.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store-context';
import { copyText } from './copy-text';

interface Props {
  readonly testId: string;
  readonly label: string;
  readonly copiedLabel: string;
  /** Read at click time, so it is what is on screen then. */
  readonly text: () => string;
  /** Words for the notice and for screen readers: "the link to this scenario". */
  readonly what: string;
  readonly title?: string;
  readonly className?: string;
}

export function CopyButton({ testId, label, copiedLabel, text, what, title, className }: Props) {
  const store = useAppStore();
  const [state, setState] = useState<'idle' | 'copied'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = async (): Promise<void> => {
    const value = text();
    if (await copyText(value)) {
      setState('copied');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setState('idle'), 2500);
      return;
    }
    store.getState().addNotice({ source: 'share', level: 'info', text: `The browser would not let the page copy. ${what[0]!.toUpperCase()}${what.slice(1)} is: ${value}` });
  };

  return (
    <button type="button" className={`copy-button ${className ?? ''}`} data-testid={testId} data-state={state} title={title} onClick={() => void onClick()}>
      {state === 'copied' ? `✓ ${copiedLabel}` : label}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? `${what[0]!.toUpperCase()}${what.slice(1)} was copied to the clipboard.` : ''}
      </span>
    </button>
  );
}
