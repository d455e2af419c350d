/**
 * Odds under jitter: seeds 1..N of the current scenario, each step up to
 * `jitter` ms longer, run in the sweep workers. The share that loses the
 * allocation with its 95 % interval, and the histogram of the race margin:
 * how often this bites in a real cloud, and by how much it misses.
 */
import { useEffect, useId, useState } from 'react';
import { clampParam, PARAM_BY_KEY } from '../../model';
import { oddsSummary, ODDS_RUNS_CHOICES } from '../../sweep/odds';
import { useAppShallow, useAppStore } from '../store-context';
import { MarginHistogram } from './MarginHistogram';
import './odds.css';

const count = new Intl.NumberFormat('en-US');
const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)} %`;

function JitterField({ jitter }: { jitter: number }) {
  const store = useAppStore();
  const id = useId();
  const [draft, setDraft] = useState(String(jitter));
  useEffect(() => setDraft(String(jitter)), [jitter]);
  const commit = (): void => {
    const value = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(value)) setDraft(String(jitter));
    else store.getState().setParam('jitter', clampParam(PARAM_BY_KEY.jitter, value));
  };
  return (
    <span className="odds-field">
      <label htmlFor={id}>jitter up to</label>
      <input
        id={id}
        className="param-number"
        data-testid="odds-jitter"
        type="number"
        min={0}
        max={PARAM_BY_KEY.jitter.max}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      ms
    </span>
  );
}

export function OddsPanel() {
  const store = useAppStore();
  const runsId = useId();
  const { odds, jitter, runs, race } = useAppShallow((s) => ({ odds: s.odds, jitter: s.scenario.jitter, runs: s.oddsRuns, race: s.scenario.race }));
  const tally = odds?.tally;
  const summary = tally ? oddsSummary(tally) : null;
  return (
    <section className="odds" data-testid="odds" data-state={odds?.status ?? 'running'} data-runs={tally?.runs ?? 0} data-lost={tally?.lost ?? 0} aria-labelledby="odds-title">
      <h2 className="panel-title" id="odds-title">
        Odds under jitter
      </h2>
      <div className="odds-controls">
        <span className="odds-field">
          <select id={runsId} value={runs} onChange={(e) => store.getState().setOddsRuns(Number(e.target.value))} aria-label="Seeded runs">
            {ODDS_RUNS_CHOICES.map((n) => (
              <option key={n} value={n}>
                {count.format(n)}
              </option>
            ))}
          </select>
          <label htmlFor={runsId}>seeded runs,</label>
        </span>
        <JitterField jitter={jitter} />
      </div>
      {summary && tally && (
        <p className="odds-result" aria-live="polite">
          {odds?.status === 'done' ? 'Lost in ' : 'So far lost in '}
          <strong className={summary.lost > 0 ? 'readout-lost' : 'readout-kept'}>{percent(summary.share)}</strong> of {count.format(tally.runs)} runs{' '}
          <span className="odds-ci">
            (95 % CI {percent(summary.ci95[0])}–{percent(summary.ci95[1])})
          </span>
        </p>
      )}
      {jitter === 0 && <p className="odds-note">With no jitter every seed is the same run; set a jitter to see how often it bites.</p>}
      {tally && tally.runs > 0 && <MarginHistogram margins={tally.margins} zeroLabel={race === '1896463' ? 'done' : 'write'} />}
      <p className="odds-note">
        {race === '1896463'
          ? "Margin: ms by which host2's migration-list snapshot came after the migration was done (right: missed it, lost) or before (left: caught it, kept)."
          : "Margin: ms from the periodic read nearest to one of the operation's racing writes to that write (right: the usage ended wrong; left: right)."}
        {tally && tally.margins.some((m) => m === null)
          ? ` ${count.format(tally.margins.filter((m) => m === null).length)} runs ${race === '1896463' ? 'never had a stale first snapshot' : 'had no periodic read before the verdict'} and are not shown.`
          : ''}
      </p>
    </section>
  );
}
