/**
 * Every schedule: the explorer runs every order of the threads' atomic
 * steps for the scenario on screen (time does not count), for the buggy and
 * the fixed code side by side, and any losing schedule loads into the
 * timeline. Loaded with `React.lazy`, so it stays out of the start-up bundle.
 */
import { useMemo } from 'react';
import { type OutcomeCount, outcomeKey, type ScheduleSummary } from '../../model';
import { explorationQuery, type VariantResult } from '../../state/explore-slice';
import type { AppState } from '../../state/store';
import { useAppShallow, useAppStore } from '../store-context';
import { outcomeWords, scheduleWords } from './schedule-text';
import './schedules.css';

const count = new Intl.NumberFormat('en-US');
/** Losing schedules listed before "more". */
const LISTED = 6;

const selectPanel = (s: AppState) => ({ exploration: s.exploration, scenario: s.scenario });

function VariantColumn({ title, variant, progress }: { title: string; variant: VariantResult | undefined; progress: number }) {
  if (!variant) {
    return (
      <div className="sched-variant">
        <h3>{title}</h3>
        <p className="muted">{progress > 0 ? `${count.format(progress)} schedules…` : 'waiting…'}</p>
      </div>
    );
  }
  const { result, elapsedMs } = variant;
  return (
    <div className="sched-variant" data-testid={`schedules-${title === 'buggy' ? 'buggy' : 'fixed'}`} data-losing={result.losingSchedules}>
      <h3>{title}</h3>
      <p>
        <strong>{count.format(result.schedules)}</strong> schedules{result.complete ? '' : ' (cut short by the budget)'}
        {' · '}
        <span className={result.losingSchedules > 0 ? 'sched-lost' : 'sched-kept'}>
          {count.format(result.losingSchedules)} losing
        </span>
      </p>
      <ul className="sched-outcomes">
        {result.outcomes.map((o: OutcomeCount) => (
          <li key={outcomeKey(o)}>{outcomeWords(o)}</li>
        ))}
      </ul>
      <p className="muted sched-time">{(elapsedMs / 1000).toFixed(1)} s</p>
    </div>
  );
}

function LosingList({ losing, onLoad, loaded }: { losing: readonly ScheduleSummary[]; onLoad: (s: ScheduleSummary) => void; loaded: string | null }) {
  if (losing.length === 0) return null;
  return (
    <div className="sched-losing">
      <h3>Losing schedules of the buggy code, shortest first</h3>
      <ol>
        {losing.slice(0, LISTED).map((s, i) => (
          <li key={s.encoded} className={s.encoded === loaded ? 'sched-loaded' : undefined}>
            <span>{scheduleWords(s)}</span>
            <button type="button" data-testid={i === 0 ? 'schedule-load-shortest' : `schedule-load-${i + 1}`} onClick={() => onLoad(s)}>
              {s.encoded === loaded ? 'Loaded' : 'Load'}
            </button>
          </li>
        ))}
      </ol>
      {losing.length > LISTED && <p className="muted">and {losing.length - LISTED} more of the shortest kept</p>}
    </div>
  );
}

export default function SchedulesPanel() {
  const store = useAppStore();
  const { exploration, scenario } = useAppShallow(selectPanel);
  const current = useMemo(() => explorationQuery(scenario), [scenario]);
  const stale = exploration.query !== null && exploration.query !== current;
  const state = stale ? 'idle' : exploration.status === 'error' ? 'idle' : exploration.status;
  const onScreen = exploration.results[scenario.fix ? 'fixed' : 'buggy'];
  const loaded = scenario.schedule ? store.getState().exploration.results.buggy?.result.losing.find((s) => s.choices.join() === scenario.schedule!.join())?.encoded ?? null : null;
  const load = (s: ScheduleSummary): void => store.getState().loadScenario({ ...scenario, fix: false, schedule: [...s.choices] }, 'push');
  return (
    <section
      className="schedules"
      data-testid="schedules"
      data-state={state}
      data-schedules={stale ? 0 : (onScreen?.result.schedules ?? 0)}
      data-losing={stale ? 0 : (onScreen?.result.losingSchedules ?? 0)}
      aria-labelledby="schedules-title"
    >
      <div className="sched-head">
        <h2 className="panel-title" id="schedules-title">
          Every schedule
        </h2>
        {exploration.status === 'running' ? (
          <button type="button" data-testid="schedules-cancel" onClick={() => store.getState().cancelExploration()}>
            Cancel
          </button>
        ) : (
          <button type="button" data-testid="schedules-run" onClick={() => store.getState().requestExploration()}>
            {exploration.status === 'done' && !stale ? 'Run again' : 'Explore'}
          </button>
        )}
      </div>
      <p className="muted sched-intro">
        Every order of the threads’ atomic steps, for this scenario’s threads: time does not count, the fair lock and program
        order do. One schedule per class of equivalent orders (DPOR).
      </p>
      {exploration.status === 'error' && <p className="panel-error">{exploration.error}</p>}
      {stale && <p className="muted">These results are for another scenario: explore again.</p>}
      {exploration.status !== 'idle' && !stale && (
        <>
          <div className="sched-columns">
            <VariantColumn title="buggy" variant={exploration.results.buggy} progress={exploration.progress.buggy} />
            <VariantColumn title="fixed" variant={exploration.results.fixed} progress={exploration.progress.fixed} />
          </div>
          <LosingList losing={exploration.results.buggy?.result.losing ?? []} onLoad={load} loaded={loaded} />
        </>
      )}
    </section>
  );
}
