import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { okResponse, type SessionUser } from '@kringbouw/contracts';
import { z } from 'zod';
import { apiRequest } from '../api/client.ts';
import { useSession, useStoreSession } from '../features/auth/session.ts';
import { currentLanguage, languages, setLanguage } from '../i18n/index.ts';
import { Loading } from '../components/Status.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { navigationItems } from './navigation.ts';
import { NotificationBell } from '../features/agreements/NotificationBell.tsx';

const signOutResponse = z.union([okResponse, z.object({}).loose()]);

function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={active === language}
          onClick={() => setLanguage(language)}
          title={t(`language.name.${language}`)}
        >
          <span aria-hidden="true">{language.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.name.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}

function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => apiRequest('/api/auth/sign-out', signOutResponse, { method: 'POST', body: {} }),
    onSettled: () => {
      void navigate('/inloggen', { replace: true });
      // Nothing the previous user could see stays in memory for the next one on this computer.
      queryClient.clear();
      storeSession(null);
    },
  });
  const menuRef = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (menuRef.current) menuRef.current.open = false;
  }, [pathname]);
  // A disclosure menu should close like one: on Escape (focus back on the toggle) and on a click elsewhere.
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const menu = menuRef.current;
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    }
    function onKey(event: KeyboardEvent) {
      const menu = menuRef.current;
      if (event.key === 'Escape' && menu?.open) {
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }
    }
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <details className="user-menu" ref={menuRef}>
      <summary className="user-menu__toggle">
        <span className="visually-hidden">{t('userMenu.label')}: </span>
        <span className="user-menu__name">{user.name}</span>
      </summary>
      <div className="user-menu__panel">
        <p className="user-menu__email">{user.email}</p>
        {user.platformRole === 'coordinator' ? <p className="user-menu__role">{t('userMenu.coordinator')}</p> : null}
        {user.memberships.length > 0 ? (
          <>
            <p className="user-menu__heading">{t('userMenu.organisations')}</p>
            <ul className="user-menu__list">
              {user.memberships.map((membership) => (
                <li key={membership.organisationId}>
                  <Link to={`/organisaties/${membership.organisationId}`}>{membership.organisationName}</Link>
                  <span className="muted"> · {t(`roles.${membership.role}`)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t('userMenu.signOut')}
        </button>
      </div>
    </details>
  );
}

/** Header with name, navigation and user menu; pages render in <main>. */
export function Shell() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // After navigating, keyboard and screen-reader users start at the new page's content, not at the old link.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={session ? '/projecten' : '/inloggen'} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">Kringbouw</span>
            <span className="brand__tagline">{t('shell.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            {session ? <NotificationBell /> : null}
            {session ? <UserMenu user={session.user} /> : null}
          </div>
        </div>
        {session ? (
          <nav className="main-nav" aria-label={t('nav.label')}>
            <ul className="main-nav__list">
              {navigationItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="main-nav__link">
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {/* A new key per path: after a crash, navigating elsewhere shows that page again. */}
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
