/**
 * The screen: header with the verdict; scenario inputs beside the timeline;
 * the playback bar; then the hosts' PCI devices, the database and trackers,
 * and the selected step's details, all at the cursor; on the right, the
 * timing space (race map and odds).
 */
import { lazy, memo, Suspense } from 'react';
import { selectSimStatus } from '../state/selectors';
import { useAfterFirstVerdict } from './after-first-verdict';
import { ErrorBoundary } from './common/ErrorBoundary';
import { ScenarioPanel } from './controls/ScenarioPanel';
import { StepDetails } from './details/StepDetails';
import { FirstVisitHint } from './header/FirstVisitHint';
import { Header } from './header/Header';
import { HostsPanel } from './hosts/HostsPanel';
import { NoticeArea } from './notices/NoticeArea';
import { PlaybackBar } from './playback/PlaybackBar';
import { StatePanel } from './state-view/StatePanel';
import { useApp } from './store-context';
import { TimelinePanel } from './timeline/TimelinePanel';

/** The race map and odds: loaded on their own, after the first verdict, so they neither grow nor delay start-up. */
const RaceMapPanel = lazy(() => import('./race-map/RaceMapPanel'));
/** Every schedule (the explorer): likewise. */
const SchedulesPanel = lazy(() => import('./schedules/SchedulesPanel'));

const MAP_LOADING = <p className="panel-loading">Loading the race map…</p>;
const SCHEDULES_LOADING = <p className="panel-loading">Loading the schedule explorer…</p>;

/** The timing space: asked for once the first verdict is on screen. */
const TimingSpace = memo(function TimingSpace() {
  const started = useAfterFirstVerdict();
  return (
    <>
      <ErrorBoundary name="race map">
        <Suspense fallback={MAP_LOADING}>{started ? <RaceMapPanel /> : MAP_LOADING}</Suspense>
      </ErrorBoundary>
      <ErrorBoundary name="schedules">
        <div className="schedules-panel">
          <Suspense fallback={SCHEDULES_LOADING}>{started ? <SchedulesPanel /> : SCHEDULES_LOADING}</Suspense>
        </div>
      </ErrorBoundary>
    </>
  );
});

/**
 * The root carries the idle signal for tests (`data-sim-status`). The panels
 * below it are memoised: each reads its own slice of the store, so a status
 * change must not re-render them all.
 */
export function App() {
  const status = useApp(selectSimStatus);
  const hash = useApp((s) => s.trace?.traceHash ?? '');
  return (
    <div className="app" data-sim-status={status} data-trace-hash={hash}>
      <Screen />
    </div>
  );
}

const Screen = memo(function Screen() {
  return (
    <>
      <ErrorBoundary name="header">
        <Header />
        <FirstVisitHint />
      </ErrorBoundary>
      <ErrorBoundary name="messages">
        <NoticeArea />
      </ErrorBoundary>
      <main className="app-main">
        <aside className="area-controls">
          <ErrorBoundary name="scenario">
            <ScenarioPanel />
          </ErrorBoundary>
        </aside>
        <div className="area-timeline">
          <ErrorBoundary name="timeline">
            <TimelinePanel />
          </ErrorBoundary>
        </div>
        <div className="area-playback">
          <ErrorBoundary name="playback">
            <PlaybackBar />
          </ErrorBoundary>
        </div>
        <div className="area-hosts">
          <ErrorBoundary name="hosts">
            <HostsPanel />
          </ErrorBoundary>
        </div>
        <div className="area-state">
          <ErrorBoundary name="database and trackers">
            <StatePanel />
          </ErrorBoundary>
        </div>
        <div className="area-details">
          <ErrorBoundary name="step details">
            <StepDetails />
          </ErrorBoundary>
        </div>
        <div className="area-racemap">
          <TimingSpace />
        </div>
      </main>
    </>
  );
});
