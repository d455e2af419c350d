/** Placeholder: the selected step's details (owned by the details work). */
import { selectCurrentStep } from '../../state/selectors';
import { useApp } from '../store-context';

export function StepDetails() {
  const step = useApp(selectCurrentStep);
  return (
    <section className="details-panel" data-testid="step-details" aria-label="Step details">
      <h2 className="panel-title">Step details</h2>
      {step ? <p>{step.label}</p> : null}
    </section>
  );
}
