/** Placeholder: database rows and tracker state at the cursor (owned by the state-view work). */
export function StatePanel() {
  return (
    <section className="state-panel" data-testid="state-view" aria-label="Database and trackers">
      <h2 className="panel-title">Database &amp; trackers</h2>
    </section>
  );
}
