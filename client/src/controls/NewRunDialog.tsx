import type { RunInfo, ScenarioSummary } from '@hotline-sim/shared';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../api';
import { EmptyNote, ErrorNote, Select } from '../components';
import { useI18n } from '../i18n';
import { LeversPanel } from '../levers';
import { SLIDER_STEPS, sliderToSpeed, speedToSlider } from './speed';
import { uploadedScenario } from './uploaded-scenario';
import { CityField } from './CityField';

type Source = { kind: 'built-in'; name: string } | { kind: 'upload'; file: string };

/** Start a run: a built-in scenario or an uploaded one, its levers edited by VIOTE driver. */
/** 00:00 … 23:00: the virtual hour of the first day a run is watched from. */
const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00`,
}));

export function NewRunDialog({ onClose, onStarted }: { onClose(): void; onStarted(run: RunInfo): void }) {
  const { t, fmt, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [original, setOriginal] = useState<Record<string, unknown> | null>(null);
  const [scenario, setScenario] = useState<Record<string, unknown> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [speed, setSpeed] = useState(60);
  const [paused, setPaused] = useState(false);
  const [startHour, setStartHour] = useState('0');
  // The run's city: the server's default until a scenario names one or the user chooses.
  const [city, setCity] = useState<string | null>(null);
  const scenarioCity = (s: Record<string, unknown>) => {
    if (typeof s.city === 'string') setCity(s.city);
  };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Only the scenario asked for last (a built-in chosen, a file read) fills the form: a built-in's
  // answer that arrives after a file was read must not replace the file's scenario (a loaded CI run
  // started beijing-weekday with the uploaded file shown as chosen).
  const latest = useRef(0);

  useEffect(() => {
    api.scenarios().then(
      (list) => {
        setScenarios(list);
        const first = list.find((s) => s.name === 'beijing-weekday') ?? list[0];
        // The default, unless a file is already being read (the user's choice wins).
        if (first && latest.current === 0) setSource((s) => s ?? { kind: 'built-in', name: first.name });
      },
      (err: unknown) => setListError(errorText(err)),
    );
  }, [attempt]);

  useEffect(() => {
    if (source?.kind !== 'built-in') return;
    const mine = ++latest.current;
    api.scenario(source.name).then(
      (s) => {
        if (mine !== latest.current) return;
        setOriginal(s);
        setScenario(s);
        scenarioCity(s);
      },
      (err: unknown) => mine === latest.current && setLoadError(errorText(err)),
    );
  }, [source]);

  const onUpload = async (file: File | undefined) => {
    if (!file) return;
    const mine = ++latest.current;
    setLoadError(null);
    try {
      const whole = await uploadedScenario(await file.text(), (name) => api.scenario(name));
      if (mine !== latest.current) return;
      setSource({ kind: 'upload', file: file.name });
      setOriginal(whole);
      setScenario(whole);
      scenarioCity(whole);
    } catch (err) {
      if (mine === latest.current) setLoadError(t('uploadInvalid', { message: errorText(err) }));
    }
  };

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!source) return;
    const edited = scenario !== original;
    const body = source.kind === 'built-in' && !edited ? source.name : scenario;
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      const run = await api.createRun({
        scenario: body,
        speed,
        paused,
        startHour: Number(startHour),
        ...(city !== null ? { city } : {}),
      });
      onStarted(run);
      ref.current?.close();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="run-dialog"
      onClose={onClose}
      aria-labelledby="new-run-title"
      data-testid="new-run-dialog"
    >
      <form onSubmit={start}>
        <header className="panel-head">
          <h2 id="new-run-title">{t('newRunTitle')}</h2>
          <button type="button" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
        </header>
        <div className="run-dialog-body">
          <div className="run-source">
            <label>
              {t('builtIn')}
              {listError ? (
                <ErrorNote
                  message={t('scenariosError', { message: listError })}
                  onRetry={() => {
                    setListError(null);
                    setAttempt((n) => n + 1);
                  }}
                />
              ) : !scenarios ? (
                <span className="note">{t('scenariosLoading')}</span>
              ) : (
                <select
                  value={source?.kind === 'built-in' ? source.name : ''}
                  onChange={(e) => {
                    // The levers wait for the newly chosen scenario.
                    setLoadError(null);
                    setScenario(null);
                    setSource({ kind: 'built-in', name: e.target.value });
                  }}
                  data-testid="scenario-select"
                >
                  {source?.kind === 'upload' && (
                    <option value="">{t('uploaded', { name: source.file })}</option>
                  )}
                  {scenarios.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name} · {t('hours', { n: fmt.number(s.hours) })}
                      {s.lifecycle ? '' : ` · ${t('intakeOnly')}`}
                    </option>
                  ))}
                </select>
              )}
            </label>
            {source?.kind === 'built-in' && scenarios && (
              <p className="muted small" data-testid="scenario-description">
                {(() => {
                  const s = scenarios.find((x) => x.name === source.name);
                  return lang === 'zh' ? s?.descriptionZh : s?.description;
                })()}
              </p>
            )}
            <label className="file-button">
              {t('upload')}
              <span className="button">{t('chooseFile')}</span>
              <input
                type="file"
                className="visually-hidden"
                accept="application/json,.json"
                onChange={(e) => void onUpload(e.target.files?.[0])}
              />
            </label>
            <CityField value={city} onChange={setCity} />
            <label className="speed">
              {t('speed')}
              <input
                type="range"
                min={0}
                max={SLIDER_STEPS}
                value={speedToSlider(speed)}
                onChange={(e) => setSpeed(sliderToSpeed(Number(e.target.value)))}
              />
              <output>{t('speedValue', { x: fmt.number(speed, speed < 1 ? 1 : 0) })}</output>
            </label>
            <label title={t('startHourTitle')}>
              {t('startHour')}
              <Select value={startHour} choices={HOURS} onChange={setStartHour} testid="start-hour" />
            </label>
            <label className="check">
              <input type="checkbox" checked={paused} onChange={(e) => setPaused(e.target.checked)} />
              {t('startPaused')}
            </label>
            {loadError && <ErrorNote message={loadError} />}
            {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
            <button type="submit" className="primary" disabled={busy || !scenario} data-testid="start-run">
              {t('start')}
            </button>
          </div>
          <div className="run-levers">
            <h3>{t('leversTitle')}</h3>
            {scenario ? (
              <LeversPanel scenario={scenario} onChange={setScenario} />
            ) : (
              <EmptyNote>{t('loading')}</EmptyNote>
            )}
          </div>
        </div>
      </form>
    </dialog>
  );
}
