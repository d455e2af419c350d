/**
 * What a step wrote: one group per field, its name on a header row, then the
 * value before and after. Two narrow columns read better in a ~230 px panel
 * than three.
 */
import type { Change } from '../../model';

export function ChangesTable({ changes }: { changes: readonly Change[] }) {
  if (changes.length === 0) return <p className="muted">nothing (no field changed)</p>;
  return (
    <table className="changes" data-testid="step-changes">
      <thead>
        <tr>
          <th scope="col">before</th>
          <th scope="col">after</th>
        </tr>
      </thead>
      {changes.map((c, i) => (
        <tbody key={`${c.path}-${i}`} data-path={c.path}>
          <tr>
            <th scope="rowgroup" colSpan={2} className="change-path">
              {c.path}
            </th>
          </tr>
          <tr>
            <td className="change-before">{c.before}</td>
            <td className="change-after">
              <span aria-hidden="true">→ </span>
              {c.after}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
