/**
 * Long Nova identifiers (`migration_context`, `_update_usage_from_migrations`)
 * in narrow panels: allow line breaks after their underscores, and only
 * there when `glued` (spaces become non-breaking), instead of in the
 * middle of a word.
 */
import { Fragment } from 'react';

export function Breakable({ text, glued = false }: { text: string; glued?: boolean }) {
  const parts = (glued ? text.replace(/ /g, '\u00a0') : text).split('_');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
