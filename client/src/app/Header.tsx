import { useEffect } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { useSession } from '../session';
import { useLive, type Connection } from '../live';
import { useTheme } from '../theme';
import { useRunCity } from '../map/city-data';

export type ViewName = 'live' | 'compare' | 'lessons' | 'training';

const CONNECTION: Record<Connection, MessageKey> = {
  live: 'connLive',
  connecting: 'connConnecting',
  reconnecting: 'connReconnecting',
};

/** Title, the two views, connection state, language and theme switches. */
export function Header({
  view,
  onView,
  onLogout,
}: {
  view: ViewName;
  onView(view: ViewName): void;
  onLogout?(): void;
}) {
  const session = useSession();
  const { t, lang, setLang, pick } = useI18n();
  const { theme, setTheme } = useTheme();
  const { connection } = useLive();
  const city = useRunCity();
  const cityName = city ? pick({ zh: city.name, en: city.nameEn }) : null;
  useEffect(() => {
    document.title = cityName ? `${cityName} · 12345 · hotline-sim` : 'hotline-sim · 12345 接诉即办';
  }, [cityName]);
  return (
    <header className="app-header">
      <a className="skip" href="#main">
        {t('skipToMain')}
      </a>
      <h1 data-testid="app-title">
        {cityName ? t('appTitleCity', { city: cityName }) : t('appTitle')} <small>{t('appSubtitle')}</small>
      </h1>
      {session && (
        <>
          {/* A trainee's page is their seat: no views to switch. */}
          <nav aria-label={t('navLive')} style={session.role === 'trainee' ? { display: 'none' } : undefined}>
            <button
              type="button"
              aria-pressed={view === 'live'}
              onClick={() => onView('live')}
              data-testid="nav-live"
            >
              {t('navLive')}
            </button>
            <button
              type="button"
              aria-pressed={view === 'compare'}
              onClick={() => onView('compare')}
              data-testid="nav-compare"
            >
              {t('navCompare')}
            </button>
            <button
              type="button"
              aria-pressed={view === 'lessons'}
              onClick={() => onView('lessons')}
              data-testid="nav-lessons"
            >
              {t('navLessons')}
            </button>
            {session.role === 'instructor' && (
              <button
                type="button"
                aria-pressed={view === 'training'}
                onClick={() => onView('training')}
                data-testid="nav-training"
              >
                {t('navTraining')}
              </button>
            )}
          </nav>
          <span
            className={`conn conn-${connection}`}
            role="status"
            title={connection === 'live' ? undefined : t('connectionHelp')}
            data-testid="connection"
          >
            <span aria-hidden="true">●</span> {t(CONNECTION[connection])}
          </span>
          {onLogout && (
            <span className="who">
              <span className="muted small" data-testid="role">
                {session.role === 'instructor'
                  ? t('roleInstructor')
                  : session.role === 'observer'
                    ? t('roleObserver')
                    : t('roleTrainee', { seat: session.seat ?? '' })}
              </span>{' '}
              <button type="button" onClick={onLogout} data-testid="logout">
                {t('logout')}
              </button>
            </span>
          )}
        </>
      )}
      <button
        type="button"
        onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}
        aria-label={t('language')}
        data-testid="lang-toggle"
        lang={lang === 'en' ? 'zh-CN' : 'en'}
      >
        {t('switchLanguage')}
      </button>
      <button
        type="button"
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        data-testid="theme-toggle"
      >
        {t('theme')}: {theme === 'dark' ? t('themeDark') : t('themeLight')}
      </button>
    </header>
  );
}
