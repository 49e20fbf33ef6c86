import type { Inject } from '@hotline-sim/shared';
import { useRef, useState } from 'react';
import { api, errorText } from '../api';
import { useI18n } from '../i18n';
import { InjectFields, injectLabel, injectOf } from './InjectFields';

/**
 * Fire an event into the running city now: a demand surge, a rainstorm, a unit's outage, the heating
 * season's start, or a batch of ambiguous appeals or emergencies for the training seats (without
 * seats the model's own intake takes them, which a class can watch on the map).
 */
export function InjectMenu({
  runId,
  disabled,
  onDone,
  onError,
}: {
  runId: string;
  disabled: boolean;
  onDone(message: string): void;
  onError(message: string): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const [inject, setInject] = useState<Inject>(injectOf('surge', 0));
  const [busy, setBusy] = useState(false);

  const fire = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.inject(runId, inject);
      onDone(t('injectDone', { what: t(injectLabel(inject) ?? 'inject') }));
      if (ref.current) ref.current.open = false;
    } catch (err) {
      onError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="popover" ref={ref}>
      <summary
        className={disabled ? 'button disabled' : 'button'}
        aria-disabled={disabled}
        data-testid="inject-open"
      >
        {t('inject')}
      </summary>
      <form className="popover-body" onSubmit={fire}>
        <fieldset disabled={disabled || busy}>
          <legend>{t('inject')}</legend>
          <InjectFields inject={inject} onChange={setInject} withHour={false} testid="inject" />
          <button type="submit" className="primary" data-testid="inject-fire">
            {t('injectFire')}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
