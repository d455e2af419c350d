/**
 * The "changed at the selected step" marker shared by the panels at the
 * cursor: a visible delta sign (not colour alone) with words for screen
 * readers.
 */
import './changed-mark.css';

export function ChangedMark({ what }: { what?: string }) {
  const text = what ? `${what} changed at this step` : 'changed at this step';
  return (
    <span className="chg-mark" title={text} data-changed="true">
      <span aria-hidden="true">Δ</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
