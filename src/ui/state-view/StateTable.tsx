/**
 * One key/value table of the state view (an instances row, a tracker, a
 * periodic's snapshots), with the fields the selected step changed marked
 * and their previous values shown.
 */
import { ChangedMark } from '../hosts/ChangedMark';
import { Breakable } from './Breakable';
import { ABSENT, type StateTable as Table } from './state-sections';

interface Props {
  readonly table: Table;
  /** A colour that ties the table to an instance or a thread elsewhere on screen. */
  readonly colour?: string | undefined;
}

export function StateTable({ table, colour }: Props) {
  return (
    <table className="kv" data-testid={`state-${table.id}`}>
      <caption>
        {colour && <span className="kv-dot" style={{ background: colour }} aria-hidden="true" />}
        {table.caption}
        {table.note && <span className="kv-note"> {table.note}</span>}
      </caption>
      <tbody>
        {table.rows.map((row) => (
          <tr
            key={row.field}
            className={row.was !== null ? 'chg' : undefined}
            data-field={row.field}
            data-value={row.value}
            data-changed={row.was !== null}
          >
            <th scope="row">
              <Breakable text={row.field} glued />
            </th>
            <td>
              <span className="kv-value">{row.value}</span>
              {row.was !== null && (
                <>
                  {' '}
                  <ChangedMark what={row.field} />
                  {row.was === ABSENT ? (
                    <span className="kv-was">new row</span>
                  ) : (
                    <span className="kv-was">
                      was <del>{row.was}</del>
                    </span>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
