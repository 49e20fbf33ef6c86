import { scoreSeat, type Exercise, type LibraryExercise } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { errorText, libraryApi } from '../../api';
import { useI18n } from '../../i18n';
import { DIFFICULTY_LABELS } from '../format';
import { ROLE_LABELS } from './roles';

/** The rubric items' names, as a score lists them (an empty score has every item). */
const ITEM_NAMES = new Map(scoreSeat([], '').items.map((i) => [i.id, i]));

/**
 * The library of built-in exercises, beginner first: each with its goals, seats and roles and the
 * rubric items it stresses; started as it is in one click, or copied into a saved exercise to change.
 */
export function LibraryPanel({
  onStart,
  onCopied,
  onError,
}: {
  onStart(id: string): void;
  onCopied(copy: Exercise): void;
  onError(message: string): void;
}) {
  const { t, lang, pick } = useI18n();
  const [library, setLibrary] = useState<LibraryExercise[]>([]);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    libraryApi.library().then(setLibrary, (err: unknown) => onError(errorText(err)));
  }, [onError]);

  const copy = async (e: LibraryExercise) => {
    try {
      onCopied(await libraryApi.copy(e.id, t('libCopyName', { name: e.title[lang] })));
    } catch (err) {
      onError(errorText(err));
    }
  };

  return (
    <section className="panel training-library" data-testid="exercise-library">
      <h2>{t('libTitle')}</h2>
      <ol className="training-list">
        {library.map((e) => (
          <li key={e.id} data-testid="library-exercise" data-exercise-id={e.id}>
            <strong>{pick(e.title)}</strong>{' '}
            <span className="muted small">
              {t(DIFFICULTY_LABELS[e.difficulty])} ·{' '}
              {e.seats.map((s) => `${s} (${t(ROLE_LABELS[e.roles?.[s] ?? 'dispatch'])})`).join(', ')}
            </span>{' '}
            <button
              type="button"
              className="primary"
              onClick={() => onStart(e.id)}
              data-testid="library-start"
            >
              {t('exStart')}
            </button>{' '}
            <button type="button" onClick={() => void copy(e)} data-testid="library-copy">
              {t('libCopy')}
            </button>{' '}
            <button
              type="button"
              aria-expanded={open === e.id}
              onClick={() => setOpen(open === e.id ? null : e.id)}
              data-testid="library-more"
            >
              {t('libDetails')}
            </button>
            {open === e.id && (
              <div className="small" data-testid="library-details">
                <p>{pick(e.description)}</p>
                <h3>{t('libGoals')}</h3>
                <ul>
                  {(e.goals ?? []).map((g) => (
                    <li key={g.en}>{pick(g)}</li>
                  ))}
                </ul>
                <p>
                  {t('libEmphasis')}{' '}
                  {e.emphasis.map((id) => pick(ITEM_NAMES.get(id) ?? { zh: id, en: id })).join(' · ')}
                </p>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
