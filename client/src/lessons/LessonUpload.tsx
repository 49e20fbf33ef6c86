import { useState } from 'react';
import { errorText, lessonsApi } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { uploadBody } from './upload-body';

/** The instructor's own lesson: a YAML or JSON file; the server's 422 names the field that is wrong. */
export function LessonUpload({ onUploaded }: { onUploaded(id: string): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const { id } = await lessonsApi.upload(uploadBody(file.name, await file.text()));
      onUploaded(id);
    } catch (err) {
      setError(t('lessonUploadInvalid', { message: errorText(err) }));
    } finally {
      setBusy(false);
      // The same file again (fixed) is a new choice.
      input.value = '';
    }
  };

  return (
    <div className="lesson-upload">
      <label className="file-button">
        <span className="button">{t('lessonUpload')}</span>
        <input
          type="file"
          className="visually-hidden"
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          disabled={busy}
          onChange={(e) => void upload(e.currentTarget)}
          data-testid="lesson-upload"
        />
      </label>
      <span className="muted small">{t('lessonUploadHelp')}</span>
      {error && (
        <div data-testid="lesson-upload-error">
          <ErrorNote message={error} />
        </div>
      )}
    </div>
  );
}
