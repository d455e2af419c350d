/** Placeholder: the timeline (owned by the timeline work). */
import { selectTrace } from '../../state/selectors';
import { useApp } from '../store-context';

export function TimelinePanel() {
  const trace = useApp(selectTrace);
  return (
    <section className="timeline-panel" data-testid="timeline" aria-label="Timeline">
      {trace ? `${trace.steps.length} steps` : 'simulating…'}
    </section>
  );
}
