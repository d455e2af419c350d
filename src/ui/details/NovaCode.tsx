/**
 * The Nova function a step stands for, with a link to the code at the buggy
 * commit or at the fix, and which of the two it is.
 */
import type { StepRow } from '../../model';
import { novaLink } from './step-info';

export function NovaCode({ step }: { step: StepRow }) {
  const link = novaLink(step);
  if (!link) return <p className="muted">no Nova reference for "{step.nova}"</p>;
  return (
    <div className="nova" data-testid="nova-ref" data-commit={link.commit}>
      <p className="nova-function">{link.ref.function}</p>
      <p>
        <a href={link.url} target="_blank" rel="noreferrer noopener" data-testid="nova-link" title={link.url}>
          {link.place}
          <span aria-hidden="true"> ↗</span>
          <span className="visually-hidden"> (opens GitHub)</span>
        </a>
      </p>
      <p>
        <span className={`commit commit-${link.commit}`} data-testid="nova-commit">
          <span aria-hidden="true">{link.commit === 'fixed' ? '✓ ' : '✗ '}</span>
          {link.commitText}
        </span>
      </p>
      <p className="nova-summary">{link.ref.summary}</p>
    </div>
  );
}
