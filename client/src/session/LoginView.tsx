import { useState } from 'react';
import { api, type SessionInfo, errorText } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';

/** Log in: the instructor with the password, observers and trainees with a join code. */
export function LoginView({ onLoggedIn }: { onLoggedIn(session: SessionInfo): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'password' | 'code'>('password');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await api.login(mode === 'password' ? { password: value } : { code: value.trim() }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="centre">
      <form className="panel login" onSubmit={submit} data-testid="login">
        <h2>{t('loginTitle')}</h2>
        <p className="muted small">{t('loginHelp')}</p>
        <div className="segmented" role="group" aria-label={t('loginTitle')}>
          <button type="button" aria-pressed={mode === 'password'} onClick={() => setMode('password')}>
            {t('loginInstructor')}
          </button>
          <button type="button" aria-pressed={mode === 'code'} onClick={() => setMode('code')}>
            {t('loginCode')}
          </button>
        </div>
        <label>
          {mode === 'password' ? t('loginPassword') : t('loginCodeLabel')}
          <input
            type={mode === 'password' ? 'password' : 'text'}
            autoComplete={mode === 'password' ? 'current-password' : 'off'}
            placeholder={mode === 'code' ? 'ABCD-2345' : undefined}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            autoFocus
            data-testid="login-input"
          />
        </label>
        {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
        <button type="submit" className="primary" disabled={busy || !value} data-testid="login-submit">
          {t('loginSubmit')}
        </button>
      </form>
    </main>
  );
}
