/**
 * Where messages to the user appear: URL problems, model limits, worker failures.
 * Text from the URL is only ever rendered as text.
 */
import { selectNotices } from '../../state/selectors';
import { useApp, useAppStore } from '../store-context';

export function NoticeArea() {
  const notices = useApp(selectNotices);
  const store = useAppStore();
  if (notices.length === 0) return null;
  return (
    <section className="notices" data-testid="notice" aria-label="Messages">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.level}`}
          data-testid="notice-item"
          data-source={n.source}
          role={n.level === 'error' ? 'alert' : 'status'}
        >
          <span className="notice-icon" aria-hidden="true">
            {n.level === 'error' ? '⛔' : n.level === 'warning' ? '⚠' : 'ℹ'}
          </span>
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="notice-dismiss"
            aria-label="Dismiss message"
            onClick={() => store.getState().dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
