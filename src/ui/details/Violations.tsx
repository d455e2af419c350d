/**
 * Broken invariants: the ones that started at the selected step, in full,
 * and every one of the trace as a button that moves the cursor there.
 */
import { type Clock, formatTime } from '../../view/time-format';
import type { ViolationView } from './step-info';

export function ViolationsHere({ items }: { items: readonly ViolationView[] }) {
  if (items.length === 0) return null;
  return (
    <div className="violations-here" data-testid="violations-here" role="group" aria-labelledby="violations-here-title">
      <h3 id="violations-here-title" className="details-h">
        <span aria-hidden="true">⚠ </span>
        {items.length === 1 ? 'Invariant broken here' : `${items.length} invariants broken here`}
      </h3>
      <ul>
        {items.map(({ violation: v, rule, key }) => (
          <li key={key} data-invariant={v.invariant}>
            <span className="violation-message">{v.message}</span>
            <span className="rule">invariant: {rule}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface AllProps {
  readonly items: readonly ViolationView[];
  readonly cursor: number;
  readonly clock: Clock;
  readonly onJump: (step: number) => void;
}

export function AllViolations({ items, cursor, clock, onJump }: AllProps) {
  return (
    <section aria-labelledby="all-violations-title" data-testid="all-violations">
      <h3 id="all-violations-title" className="details-h">
        All violations ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="muted">
          <span aria-hidden="true">✓ </span>no invariant broke in this trace
        </p>
      ) : (
        <ul className="violation-list">
          {items.map(({ violation: v, rule, key }) => (
            <li key={key}>
              <button
                type="button"
                data-testid="violation-jump"
                data-step={v.step}
                aria-current={v.step === cursor ? 'step' : undefined}
                title={`${rule}: ${v.message}`}
                onClick={() => onJump(v.step)}
              >
                <span className="vj-step">step {v.step + 1}</span> <span className="vj-time">{formatTime(v.time, clock)}</span>{' '}
                <span className="vj-id">{v.invariant}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
