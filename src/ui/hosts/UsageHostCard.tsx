/**
 * One host of a usage race at the cursor: nova-compute, what it runs, its
 * `compute_nodes.vcpus_used` against what the Nova test expects once the
 * operation has finished, and the tracker's counter and tracked sets. Short
 * lines: two hosts share a narrow column at 1280 px.
 */
import { ChangedMark } from './ChangedMark';
import type { UsageCardSummary } from './usage-summary';

function Was({ was, what }: { was: number | null; what: string }) {
  if (was === null) return null;
  return (
    <>
      <span className="muted"> (was {was})</span>
      <ChangedMark what={what} />
    </>
  );
}

export function UsageHostCard({ summary, operation }: { summary: UsageCardSummary; operation: string }) {
  const { host } = summary;
  const titleId = `host-title-${host}`;
  const verdict = summary.wrong ? 'wrong' : summary.judged ? 'right' : 'pending';
  return (
    <section className="host-card usage-card" data-testid={`host-${host}`} data-usage={verdict} aria-labelledby={titleId}>
      <header className="host-head">
        <h2 className="panel-title host-title" id={titleId}>
          {host}
        </h2>
        <span className={`svc ${summary.up ? 'svc-up' : 'svc-down'}`} data-testid="host-service">
          <span aria-hidden="true">{summary.up ? '▲ ' : '▼ '}</span>
          {summary.up ? 'up' : 'down'}
        </span>
      </header>
      <p
        className={`usage-line usage-db${summary.dbWas !== null ? ' chg' : ''}${summary.wrong ? ' nova-bad' : ''}`}
        data-testid="usage-db"
        data-value={summary.dbUsed ?? ''}
        title="compute_nodes.vcpus_used: what the Nova test's assertUsage reads"
      >
        vcpus_used <b className="usage-value">{summary.dbUsed ?? 'None'}</b>
        <Was was={summary.dbWas} what="vcpus_used" />
      </p>
      <p
        className={`usage-line usage-expected usage-${verdict}`}
        data-testid="usage-expected"
        title={`what the Nova test asserts once the ${operation} has finished${summary.judged ? '' : ' (it has not yet at this step)'}`}
      >
        {summary.wrong ? '✗ ' : summary.judged ? '✓ ' : ''}Nova test expects {summary.expected}
        {summary.wrong ? ` after the ${operation}` : ''}
      </p>
      <p className={`usage-line${summary.trackerWas !== null ? ' chg' : ''}`} data-testid="usage-tracker" title="the tracker's compute node in memory, saved to the row by _update">
        tracker (memory) {summary.trackerUsed ?? 'None'}
        <Was was={summary.trackerWas} what="the tracker's vcpus_used" />
      </p>
      <p className={`usage-line usage-tracked${summary.trackedChanged ? ' chg' : ''}`} data-testid="usage-tracked" title="ResourceTracker.tracked_instances and tracked_migrations, rebuilt by every periodic">
        tracked_instances {summary.trackedInstances.length ? summary.trackedInstances.join(', ') : '[]'}
        <br />
        tracked_migrations {summary.trackedMigrations.length ? summary.trackedMigrations.join(', ') : '{}'}
        {summary.trackedChanged && <ChangedMark what="tracked sets" />}
      </p>
      <p className="usage-line muted">runs {summary.guests.length > 0 ? summary.guests.join(', ') : 'no guests'}</p>
    </section>
  );
}
