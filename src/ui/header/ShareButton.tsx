/**
 * Copy the full URL (every input and the selected step) to the clipboard.
 */
import { useEffect, useRef, useState } from 'react';
import { shareableUrl } from '../../state/url-sync';
import { useAppStore } from '../store-context';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the manual fallback
  }
  return false;
}

export function ShareButton() {
  const store = useAppStore();
  const [state, setState] = useState<'idle' | 'copied'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = async (): Promise<void> => {
    const url = shareableUrl(store, window.location);
    if (await copyText(url)) {
      setState('copied');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setState('idle'), 2500);
      return;
    }
    store.getState().addNotice({
      source: 'share',
      level: 'info',
      text: `The browser would not let the page copy. The link to this scenario is: ${url}`,
    });
  };

  return (
    <button type="button" className="share-button" data-testid="share-link" data-state={state} onClick={() => void onClick()}>
      {state === 'copied' ? '✓ Link copied' : 'Copy link'}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'The link to this scenario was copied to the clipboard.' : ''}
      </span>
    </button>
  );
}
