import type { RunInfo, RunStatus } from '@hotline-sim/shared';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { useLive, useLiveStore } from '../live';
import { useCanControl } from '../session';
import { InjectMenu } from './InjectMenu';
import { SLIDER_STEPS, sliderToSpeed, speedToSlider } from './speed';

const STATUS_LABEL: Record<RunStatus, MessageKey> = {
  running: 'statusRunning',
  paused: 'statusPaused',
  finished: 'statusFinished',
  stopped: 'statusStopped',
};

/** Pause/resume, the speed slider (log scale), injects, stop, and the door to a new run. */
export function RunControls({
  onNewRun,
  onMessage,
}: {
  onNewRun(): void;
  onMessage(message: string, error?: boolean): void;
}) {
  const { t, fmt } = useI18n();
  const store = useLiveStore();
  const { run } = useLive();
  const canControl = useCanControl();
  const [slider, setSlider] = useState<number | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (!run) {
    return canControl ? (
      <div className="controls">
        <button type="button" className="primary" onClick={onNewRun}>
          {t('newRun')}
        </button>
      </div>
    ) : null;
  }
  if (!canControl) {
    return (
      <div className="controls" role="toolbar" aria-label={t('run')}>
        <span className={`status status-${run.status}`} data-testid="run-status">
          {t(STATUS_LABEL[run.status])}
        </span>
        <span className="clock" title={t('virtualTime')} data-testid="virtual-time">
          {fmt.virtual(run.start, run.virtualTime)}
        </span>
        <span>{t('speedValue', { x: fmt.number(run.speed, run.speed < 1 ? 1 : 0) })}</span>
        <span className="muted small">{t('readOnly')}</span>
        <span className="run-facts muted small">
          {t('scenario')}: {run.scenario} · {t('appeals')}: {fmt.number(run.appeals)}
        </span>
      </div>
    );
  }
  const live = run.status === 'running' || run.status === 'paused';
  const act = async (call: () => Promise<RunInfo>) => {
    try {
      store.patchRun(await call());
    } catch (err) {
      onMessage(t('errorPrefix', { message: errorText(err) }), true);
    }
  };
  const position = slider ?? speedToSlider(run.speed);
  const shownSpeed = slider === null ? run.speed : sliderToSpeed(slider);
  const onSlide = (value: number) => {
    setSlider(value);
    window.clearTimeout(timer.current);
    // Sent once the hand rests (250 ms), not for every pixel dragged.
    timer.current = window.setTimeout(() => {
      void act(() => api.speed(run.id, sliderToSpeed(value))).then(() => setSlider(null));
    }, 250);
  };

  return (
    <div className="controls" role="toolbar" aria-label={t('run')}>
      <span className={`status status-${run.status}`} data-testid="run-status">
        {t(STATUS_LABEL[run.status])}
      </span>
      <span className="clock" title={t('virtualTime')} data-testid="virtual-time">
        {fmt.virtual(run.start, run.virtualTime)}
      </span>
      {run.status === 'paused' ? (
        <button type="button" onClick={() => act(() => api.resume(run.id))} data-testid="resume">
          {t('resume')}
        </button>
      ) : (
        <button
          type="button"
          disabled={!live}
          onClick={() => act(() => api.pause(run.id))}
          data-testid="pause"
        >
          {t('pause')}
        </button>
      )}
      <label className="speed">
        {t('speed')}
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          value={position}
          disabled={!live}
          onChange={(e) => onSlide(Number(e.target.value))}
          aria-valuetext={t('speedValue', { x: fmt.number(shownSpeed, shownSpeed < 1 ? 1 : 0) })}
          data-testid="speed"
        />
        <output data-testid="speed-value">
          {t('speedValue', { x: fmt.number(shownSpeed, shownSpeed < 1 ? 1 : 0) })}
        </output>
        {live && run.effectiveSpeed > 0 && run.effectiveSpeed < run.speed * 0.8 && (
          <span className="muted small">{t('effectiveSpeed', { x: fmt.number(run.effectiveSpeed) })}</span>
        )}
      </label>
      <InjectMenu
        runId={run.id}
        disabled={!live}
        onDone={(m) => onMessage(m)}
        onError={(m) => onMessage(t('errorPrefix', { message: m }), true)}
      />
      <button
        type="button"
        disabled={!live}
        onClick={() => {
          if (window.confirm(t('stopConfirm'))) void act(() => api.stop(run.id));
        }}
      >
        {t('stop')}
      </button>
      <span className="run-facts muted small">
        {t('scenario')}: {run.scenario} · {t('appeals')}: {fmt.number(run.appeals)}
      </span>
      <button type="button" className="primary" onClick={onNewRun} data-testid="new-run">
        {t('newRun')}
      </button>
    </div>
  );
}
