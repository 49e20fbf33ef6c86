import { CATEGORIES, CATEGORY_GROUPS } from '@hotline-sim/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNote } from '../components/Notes';
import { useI18n } from '../i18n';
import { useLiveStore } from '../live';
import { groupColour, MOVE_COLOURS, useTheme } from '../theme';
import { useRunCityMap } from './city-data';
import { MapEngine, type EngineFocus, type HeatMode, type ShedStats } from './map-engine';

type HeatChoice = 'open' | 'category' | 'off';

/**
 * What the map zooms on: a street or a unit (a district's office, a department or utility), by its
 * id, as the league table and a lesson step's focus name them.
 */
export type MapFocus = { kind: 'street'; id: string } | { kind: 'unit'; id: string };

export interface CityMapViewProps {
  /** Street or unit focused by the league table, or null for the whole city. */
  focus: MapFocus | null;
  onClearFocus(): void;
  onOpenAppeal(id: number): void;
}

/** The live city: Canvas, with the heat switch, a legend and the shedding note. */
export function CityMapView({ focus, onClearFocus, onOpenAppeal }: CityMapViewProps) {
  const { t, pick, lang, fmt } = useI18n();
  const { theme } = useTheme();
  const store = useLiveStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const engineRef = useRef<MapEngine | null>(null);
  // The followed run's city: switching to a run elsewhere drops the map and draws the other city's.
  const { city, error, retry } = useRunCityMap();
  const [heat, setHeat] = useState<HeatChoice>('open');
  const [group, setGroup] = useState<string>('public-services');
  const [stats, setStats] = useState<ShedStats>({ total: 0, shed: 0 });

  useEffect(() => {
    const canvas = canvasRef.current;
    const box = boxRef.current;
    if (!city || !canvas || !box) return;
    const engine = new MapEngine(canvas, city, store);
    engineRef.current = engine;
    engine.onStats = setStats;
    const observer = new ResizeObserver(() => engine.resize(box.clientWidth, box.clientHeight));
    observer.observe(box);
    engine.resize(box.clientWidth, box.clientHeight);
    return () => {
      observer.disconnect();
      engine.destroy();
      engineRef.current = null;
    };
  }, [city, store]);

  const engineFocus = useMemo((): EngineFocus | null => {
    if (!city || !focus) return null;
    const index =
      focus.kind === 'street'
        ? city.streets.findIndex((s) => s.id === focus.id)
        : city.units.findIndex((u) => u.id === focus.id);
    return index >= 0 ? { kind: focus.kind, index } : null;
  }, [city, focus]);
  const focused =
    !city || !engineFocus
      ? undefined
      : engineFocus.kind === 'street'
        ? city.streets[engineFocus.index]
        : city.units[engineFocus.index];

  useEffect(() => engineRef.current?.setFocus(engineFocus), [engineFocus, city]);
  useEffect(() => engineRef.current?.setLang(lang, t('mapInsetTitle')), [lang, city, t]);
  useEffect(() => engineRef.current?.refreshColours(), [theme, city]);
  const groupIndex = Math.max(
    0,
    CATEGORY_GROUPS.findIndex((g) => g.id === group),
  );
  useEffect(() => {
    const mode: HeatMode =
      heat === 'category'
        ? {
            kind: 'category',
            categories: new Set(CATEGORIES.flatMap((c, i) => (c.group === group ? [i] : []))),
            colour: groupColour(groupIndex),
          }
        : { kind: heat };
    engineRef.current?.setHeat(mode);
  }, [heat, group, groupIndex, city]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const id = engineRef.current?.hit(e.clientX - rect.left, e.clientY - rect.top);
    if (id !== null && id !== undefined) onOpenAppeal(id);
  };

  const shedding = stats.shed > 0;

  return (
    <section className="panel map-panel" aria-labelledby="map-title">
      <header className="panel-head">
        <h2 id="map-title">{t('mapTitle')}</h2>
        <div className="map-tools">
          <label>
            {t('mapHeat')}{' '}
            <select
              value={heat}
              onChange={(e) => setHeat(e.target.value as HeatChoice)}
              data-testid="heat-mode"
            >
              <option value="open">{t('heatOpen')}</option>
              <option value="category">{t('heatCategory')}</option>
              <option value="off">{t('heatNone')}</option>
            </select>
          </label>
          {heat === 'category' && (
            <select aria-label={t('heatCategory')} value={group} onChange={(e) => setGroup(e.target.value)}>
              {CATEGORY_GROUPS.map((g) => (
                <option key={g.id} value={g.id}>
                  {pick(g)}
                </option>
              ))}
            </select>
          )}
          {city && (
            // What the canvas draws, for screen readers and a quick look: the city's districts.
            <details className="map-districts" data-testid="map-districts">
              <summary>{t('mapDistricts', { n: fmt.number(city.districts.length) })}</summary>
              <ul>
                {city.districts.map((d) => (
                  <li key={d.id} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
                    {pick({ zh: d.name, en: d.nameEn })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {focused && (
            <button type="button" onClick={onClearFocus}>
              {t('mapClearFocus')}
            </button>
          )}
        </div>
      </header>
      <div className="map-box" ref={boxRef}>
        {error ? (
          <ErrorNote message={t('mapError', { message: error })} onRetry={retry} />
        ) : !city ? (
          <p className="note">{t('mapLoading')}</p>
        ) : null}
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t('mapAria', { city: city ? pick({ zh: city.name, en: city.nameEn }) : '' })}
          onClick={onClick}
          data-testid="city-map"
          style={{ visibility: city ? 'visible' : 'hidden' }}
        />
        {focused && (
          <p className="map-focus" role="status" data-testid="map-focus">
            {t('mapFocus', { name: pick({ zh: focused.name, en: focused.nameEn }) })}
          </p>
        )}
        {shedding && (
          <p className="map-shed" role="status" data-testid="map-shed">
            {t('mapShed', { shed: fmt.number(stats.shed), total: fmt.number(stats.total) })}
          </p>
        )}
      </div>
      <ul className="legend" aria-label={t('mapLegend')}>
        <li>
          <span className="mark ring" style={{ borderColor: MOVE_COLOURS.received }} />
          {t('mapLegendAppeal')}
        </li>
        <li>
          <span className="mark square" style={{ borderColor: MOVE_COLOURS.grid }} />
          {t('mapLegendGrid')}
        </li>
        <li>
          <span className="mark dot" style={{ background: MOVE_COLOURS.dispatched }} />
          {t('mapLegendDispatched')}
        </li>
        <li>
          <span className="mark dot" style={{ background: MOVE_COLOURS.returned }} />
          {t('mapLegendReturned')}
        </li>
        <li>
          <span className="mark dot" style={{ background: MOVE_COLOURS.whistle }} />
          {t('mapLegendWhistle')}
        </li>
        <li>
          <span className="mark ring" style={{ borderColor: MOVE_COLOURS.closed }} />
          {t('mapLegendClosed')}
        </li>
        {heat !== 'off' && (
          <li className="muted">
            <span
              className={heat === 'open' ? 'mark dot' : 'mark'}
              style={{
                background: heat === 'open' ? MOVE_COLOURS.dispatched : groupColour(groupIndex),
                opacity: 0.6,
              }}
            />
            {heat === 'open'
              ? t('heatOpenLegend')
              : t('heatCategoryLegend', { group: pick(CATEGORY_GROUPS[groupIndex] ?? CATEGORY_GROUPS[0]) })}
          </li>
        )}
      </ul>
    </section>
  );
}
