/**
 * Title, verdict, trace fingerprint and the share control.
 */
import { BUG_URL } from '../../model';
import { ExportMenu } from '../export/ExportMenu';
import { useAppShallow } from '../store-context';
import { ShareButton } from './ShareButton';
import { VerdictBadge } from './VerdictBadge';
import './header.css';

export function Header() {
  const { hash, elapsedMs } = useAppShallow((s) => ({ hash: s.trace?.traceHash ?? null, elapsedMs: s.elapsedMs }));
  return (
    <header className="app-header">
      <div className="header-start">
        <h1 className="app-title">
          Racelab{' '}
          <a href={BUG_URL} target="_blank" rel="noreferrer noopener" className="app-subtitle">
            Nova bug #1896463
          </a>
        </h1>
        <span
          className="trace-hash"
          data-testid="trace-hash"
          title={`Fingerprint of this trace${elapsedMs !== null ? `; simulated in ${elapsedMs.toFixed(2)} ms` : ''}`}
        >
          {hash ? `#${hash}` : ' '}
        </span>
      </div>
      <VerdictBadge />
      <div className="header-end">
        <div className="copy-buttons">
          <ShareButton />
        </div>
        <ExportMenu />
      </div>
    </header>
  );
}
