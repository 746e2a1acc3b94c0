/**
 * In-app notifications in the header: a bell with the number of unread ones and a list that links to the
 * agreement. Opening an item marks it read; "mark all read" clears the count.
 */
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '@kringbouw/contracts';
import { formatDateTime } from '../../lib/format.ts';
import { useMarkNotificationRead, useNotifications } from './api.ts';
import './agreements.css';

export function notificationText(t: (key: string, options?: Record<string, unknown>) => string, item: NotificationDto): string {
  const actor = item.actor?.name ?? t('agreements.audit.unknownActor');
  // "who": the person, with the organisation they acted for when the notification names one.
  return t(`agreements.notifications.kinds.${item.kind}`, {
    actor,
    organisation: item.organisationName ?? '',
    who: item.organisationName ? `${actor} (${item.organisationName})` : actor,
    title: item.agreementTitle,
  });
}

export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications(true);
  const mark = useMarkNotificationRead();
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const menu = ref.current;
      if (event.key === 'Escape' && menu?.open) {
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }
    }
    function onClick(event: MouseEvent) {
      const menu = ref.current;
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, []);

  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  return (
    <details className="notification-bell" ref={ref}>
      <summary className="notification-bell__toggle" aria-label={t('agreements.notifications.label', { count: unread })}>
        <svg className="notification-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="notification-bell__count" aria-hidden="true">
            {unread}
          </span>
        ) : null}
      </summary>
      <div className="notification-bell__panel" role="region" aria-label={t('agreements.notifications.title')}>
        <div className="notification-bell__header">
          <p className="user-menu__heading">{t('agreements.notifications.title')}</p>
          {unread > 0 ? (
            <button type="button" className="button button--link" onClick={() => mark.mutate('all')} disabled={mark.isPending}>
              {t('agreements.notifications.markAllRead')}
            </button>
          ) : null}
        </div>
        {notifications.isError ? <p className="muted">{t('errors.generic')}</p> : null}
        {items.length === 0 && !notifications.isPending ? <p className="muted">{t('agreements.notifications.none')}</p> : null}
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification notification--read' : 'notification'}>
              <Link
                to={`/prestatieafspraken/${item.agreementId}${item.commitmentId ? `#commitment-${item.commitmentId}` : ''}`}
                onClick={() => {
                  if (!item.readAt) mark.mutate(item.id);
                }}
              >
                {!item.readAt ? <span className="visually-hidden">{t('agreements.notifications.unread')}: </span> : null}
                {notificationText(t, item)}
              </Link>
              <div className="muted">{formatDateTime(item.createdAt)}</div>
              {!item.readAt ? (
                <button type="button" className="button button--link button--small" onClick={() => mark.mutate(item.id)}>
                  {t('agreements.notifications.markRead')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
