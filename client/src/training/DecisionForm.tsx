import {
  APPEAL_TYPES,
  CATEGORIES,
  SEAT_CHANNELS,
  type AppealType,
  type CityMap,
  type SeatAppealView,
  type SeatDecisionInput,
} from '@hotline-sim/shared';
import { useState } from 'react';
import { LookupPanel } from './lookup';
import { errorText, trainingApi } from '../api';
import { Select } from '../components';
import { useI18n } from '../i18n';
import { APPEAL_TYPE_LABELS, channelText } from './format';
import { UnitPicker } from './UnitPicker';
import type { Unit } from './use-units';

type Channel = (typeof SEAT_CHANNELS)[number];
type Action = SeatDecisionInput['action'];

/** What the seat may merge an appeal into (并单): an appeal id and how the seat sees it. */
export interface MergeChoice {
  appealId: number;
  label: string;
}

/**
 * The decision on one appeal: its type (诉求类型), then answer it (from a knowledge-base entry),
 * redirect it to a line, dispatch it to a lead unit (主办) with assisting units (协办) and the work
 * order's text, or merge it into another appeal's order (并单). `onDone` gets what to tell the trainee.
 */
export function DecisionForm({
  runId,
  seat,
  appeal,
  units,
  districtOf,
  districts,
  mergeChoices,
  onDone,
}: {
  runId: string;
  seat: string;
  appeal: SeatAppealView;
  units: Unit[];
  districtOf: (string | null)[];
  districts: CityMap['districts'];
  mergeChoices: MergeChoice[];
  onDone(text: string, error: boolean): void;
}) {
  const { t, lang } = useI18n();
  const [appealType, setAppealType] = useState<AppealType | ''>('');
  const [action, setAction] = useState<Action>('dispatch');
  const [channel, setChannel] = useState<Channel>('110');
  const [kbEntry, setKbEntry] = useState('');
  const [lead, setLead] = useState<number | null>(null);
  const [assisting, setAssisting] = useState<number[]>([]);
  const [summary, setSummary] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body: SeatDecisionInput = {
      appealId: appeal.appealId,
      action,
      ...(appealType ? { appealType } : {}),
      ...(action === 'answer' && kbEntry ? { kbEntry } : {}),
      ...(action === 'redirect' ? { channel } : {}),
      ...(action === 'dispatch' && lead !== null
        ? {
            unit: lead,
            ...(assisting.length > 0 ? { assisting } : {}),
            ...(summary.trim() ? { summary: summary.trim() } : {}),
          }
        : {}),
      ...(action === 'merge' && mergeInto ? { mergeInto: Number(mergeInto) } : {}),
    };
    setBusy(true);
    try {
      await trainingApi.decide(runId, seat, body);
      onDone(t('seatSent'), false);
    } catch (err) {
      onDone(t('errorPrefix', { message: errorText(err) }), true);
    } finally {
      setBusy(false);
    }
  };
  const label: Record<Action, Parameters<typeof t>[0]> = {
    answer: 'seatAnswer',
    redirect: 'seatRedirect',
    dispatch: 'seatDispatch',
    merge: 'deskMerge',
  };
  const incomplete = (action === 'dispatch' && lead === null) || (action === 'merge' && !mergeInto);

  return (
    <form className="training-form" onSubmit={(e) => void submit(e)} data-testid="decision-form">
      <label>
        {t('deskType')}{' '}
        <Select<AppealType | ''>
          value={appealType}
          choices={APPEAL_TYPES.map((a) => ({ value: a, label: t(APPEAL_TYPE_LABELS[a]) }))}
          onChange={setAppealType}
          testid="appeal-type"
        >
          <option value="">{t('deskTypePick')}</option>
        </Select>
      </label>
      <fieldset>
        <legend>
          {t('seatDecide')} #{appeal.appealId}
        </legend>
        {(['answer', 'redirect', 'dispatch', 'merge'] as const).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="action"
              value={a}
              checked={action === a}
              onChange={() => setAction(a)}
              data-testid={`action-${a}`}
            />{' '}
            {t(label[a])}
          </label>
        ))}
      </fieldset>
      {action === 'answer' && (
        <label>
          {t('deskKbEntry')}{' '}
          <Select
            value={kbEntry}
            choices={CATEGORIES.map((c) => ({ value: `kb:${c.id}`, label: lang === 'zh' ? c.zh : c.en }))}
            onChange={setKbEntry}
            testid="kb-entry"
          >
            <option value="">{t('deskKbNone')}</option>
          </Select>
        </label>
      )}
      {action === 'redirect' && (
        <label>
          {t('seatChannel')}{' '}
          <Select<Channel>
            value={channel}
            choices={SEAT_CHANNELS.map((c) => ({ value: c, label: channelText(t, c) }))}
            onChange={setChannel}
            testid="channel"
          />
        </label>
      )}
      {action === 'dispatch' && (
        <>
          <UnitPicker
            units={units}
            districtOf={districtOf}
            districts={districts}
            lead={lead}
            assisting={assisting}
            onLead={setLead}
            onAssisting={setAssisting}
          />
          <label className="training-summary">
            {t('deskSummary')}
            <textarea
              rows={3}
              maxLength={1000}
              value={summary}
              placeholder={t('deskSummaryHint')}
              onChange={(e) => setSummary(e.target.value)}
              data-testid="order-summary"
            />
          </label>
        </>
      )}
      {action === 'merge' &&
        (mergeChoices.length === 0 ? (
          <p className="muted small" data-testid="merge-none">
            {t('deskMergeNone')}
          </p>
        ) : (
          <label>
            {t('deskMergeInto')}{' '}
            <Select
              value={mergeInto}
              choices={mergeChoices.map((c) => ({ value: String(c.appealId), label: c.label }))}
              onChange={setMergeInto}
              testid="merge-into"
            >
              <option value="">{t('deskMergePick')}</option>
            </Select>
          </label>
        ))}{' '}
      <LookupPanel
        runId={runId}
        place={appeal.place}
        pickedEntry={kbEntry || null}
        onPickUnit={(u) => {
          setAction('dispatch');
          setLead(u);
          setAssisting((a) => a.filter((x) => x !== u));
        }}
        onPickAssisting={(u) => setAssisting((a) => (a.includes(u) || u === lead ? a : [...a, u]))}
        onPickEntry={(id) => {
          setAction('answer');
          setKbEntry(id);
        }}
      />
      <button type="submit" className="primary" disabled={busy || incomplete} data-testid="decision-submit">
        {t('seatSubmit')}
      </button>
    </form>
  );
}
