/**
 * The database rows, the trackers and what each periodic last read, at the
 * cursor. Fields the selected step changed are marked with their old value.
 */
import { useMemo, useRef } from 'react';
import type { Lane } from '../../model';
import { selectWorldAtCursor, selectWorldBeforeCursor } from '../../state/selectors';
import type { AppState } from '../../state/store';
import { useRevealChanged } from '../hosts/useRevealChanged';
import { useAppShallow } from '../store-context';
import { INSTANCE_COLOR, LANE_COLOR } from '../theme';
import { type StateTable as Table, stateGroups } from './state-sections';
import { StateTable } from './StateTable';
import './state-view.css';

const selectWorlds = (s: AppState) => ({
  at: selectWorldAtCursor(s),
  before: selectWorldBeforeCursor(s),
  cursor: s.cursor,
  clock: s.trace?.verdict.clock ?? 'ms',
});

/** Tie instances to their owner colour and periodic snapshots to their thread's colour. */
function colourOf(table: Table): string | undefined {
  if (table.id.startsWith('instance-')) return INSTANCE_COLOR[table.id.slice('instance-'.length)];
  if (table.id.startsWith('periodic-')) return LANE_COLOR[table.id as Lane];
  return undefined;
}

export function StatePanel() {
  const { at, before, cursor, clock } = useAppShallow(selectWorlds);
  const groups = useMemo(() => (at && before ? stateGroups(at, before, clock) : null), [at, before, clock]);
  const ref = useRef<HTMLElement>(null);
  useRevealChanged(ref, 'tr.chg', cursor);
  return (
    <section ref={ref} className="state-panel" data-testid="state-view" aria-labelledby="state-title">
      <h2 className="panel-title sticky-title" id="state-title">
        Database &amp; trackers
      </h2>
      {!groups && (
        <p className="muted" role="status">
          Simulating…
        </p>
      )}
      {groups?.map((group) => (
        <section key={group.id} className="state-group" aria-labelledby={`state-${group.id}-title`} data-testid={`state-group-${group.id}`}>
          <h3 className="state-group-title" id={`state-${group.id}-title`}>
            {group.title}
          </h3>
          {group.tables.length === 0 && <p className="muted">{group.empty}</p>}
          {group.tables.map((table) => (
            <StateTable key={table.id} table={table} colour={colourOf(table)} />
          ))}
        </section>
      ))}
    </section>
  );
}
