/**
 * The selected step: who ran it (in its thread's colour), when, under which
 * lock, what it read and wrote, the Nova code it stands for, and the
 * invariants that broke there; then every violation of the trace, to jump to.
 */
import { useMemo } from 'react';
import type { StepRow } from '../../model';
import { selectStepWorlds } from '../../state/selectors';
import type { AppState } from '../../state/store';
import type { Clock } from '../../view/time-format';
import { Breakable } from '../state-view/Breakable';
import { useAppShallow, useAppStore } from '../store-context';
import { LANE_COLOR, LANE_LABEL } from '../theme';
import { ChangesTable } from './ChangesTable';
import { NovaCode } from './NovaCode';
import { allViolations, lockText, timeText, violationsAt } from './step-info';
import { AllViolations, ViolationsHere } from './Violations';
import './details.css';

const selectDetailsInput = (s: AppState) => ({ trace: s.trace, cursor: s.cursor, worlds: selectStepWorlds(s) });

function Facts({ step, clock }: { step: StepRow; clock: Clock }) {
  return (
    <dl className="details-facts">
      <dt>time</dt>
      <dd data-testid="step-time">{timeText(step, clock)}</dd>
      <dt>lock</dt>
      <dd data-testid="step-lock" data-lock={step.lock}>
        {step.lock !== 'none' && <span className={`lock-swatch lock-${step.lock}`} aria-hidden="true" />}
        {lockText(step, clock)}
      </dd>
      {step.sleep && (
        <>
          <dt>sleep</dt>
          <dd>
            <span className="lock-swatch lock-sleep" aria-hidden="true" />
            injected by the regression test
          </dd>
        </>
      )}
    </dl>
  );
}

function StepHead({ step }: { step: StepRow }) {
  return (
    <header className="details-head">
      <p className="details-thread" data-testid="step-thread" data-thread={step.thread}>
        <span className="thread-swatch" style={{ background: LANE_COLOR[step.thread] }} aria-hidden="true" />
        {LANE_LABEL[step.thread]}
        {step.host && <span className="details-host"> · on {step.host}</span>}
      </p>
      <p className="details-name" data-testid="step-name">
        <span className="details-index">#{step.index + 1}</span> <Breakable text={step.name} />
      </p>
      <p className="details-label">{step.label}</p>
    </header>
  );
}

export function StepDetails() {
  const { trace, cursor, worlds } = useAppShallow(selectDetailsInput);
  const changes = worlds?.step === cursor ? worlds.changes : null;
  const store = useAppStore();
  const step = trace?.steps[cursor] ?? null;
  const here = useMemo(() => (trace ? violationsAt(trace, cursor) : []), [trace, cursor]);
  const all = useMemo(() => (trace ? allViolations(trace) : []), [trace]);
  return (
    <section className="details-panel" data-testid="step-details" aria-labelledby="details-title" data-step-index={step?.index ?? ''}>
      <h2 className="panel-title sticky-title" id="details-title">
        Step details
      </h2>
      {!step ? (
        <p className="muted" role="status">
          {trace ? 'This trace has no steps.' : 'Simulating…'}
        </p>
      ) : (
        <>
          <StepHead step={step} />
          <ViolationsHere items={here} />
          <Facts step={step} clock={trace?.verdict.clock ?? 'ms'} />
          <h3 className="details-h">Read</h3>
          <p className={step.read ? 'details-read' : 'muted'} data-testid="step-read">
            {step.read ?? 'nothing from the database'}
          </p>
          <h3 className="details-h">Wrote{changes ? ` (${changes.length})` : ''}</h3>
          {changes ? <ChangesTable changes={changes} /> : <p className="muted">…</p>}
          <h3 className="details-h">Nova code</h3>
          <NovaCode step={step} />
        </>
      )}
      {trace && <AllViolations items={all} cursor={cursor} clock={trace.verdict.clock} onJump={(i) => store.getState().setCursor(i)} />}
    </section>
  );
}
