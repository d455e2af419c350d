/**
 * Title, verdict, trace fingerprint and the share control.
 */
import { RACE_INFO } from '../../model';
import { ExportMenu } from '../export/ExportMenu';
import { useAppShallow } from '../store-context';
import { ShareButton } from './ShareButton';
import { VerdictBadge } from './VerdictBadge';
import './header.css';

export function Header() {
  const { hash, elapsedMs, race } = useAppShallow((s) => ({ hash: s.trace?.traceHash ?? null, elapsedMs: s.elapsedMs, race: s.scenario.race }));
  const info = RACE_INFO[race];
  return (
    <header className="app-header">
      <div className="header-start">
        <h1 className="app-title">
          Racelab{' '}
          <a href={info.refs.bugUrl} target="_blank" rel="noreferrer noopener" className="app-subtitle" data-testid="bug-link">
            Nova bug #{info.bug}
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
