import { STATE_LABELS, TERMINAL_STATES, type AppealDetail, type AppealState } from '@hotline-sim/shared';
import { RUN_ID_PATTERN } from '../http/run-id';
import type { FiledRecord } from './filed-requests';
import { serviceName } from './services';
import type { Open311Run } from './context';

/** `<run>-<appeal>`: a request id names its run, so one API serves every run. */
export const requestId = (runId: string, appealId: number) => `${runId}-${appealId}`;

const REQUEST_ID = new RegExp(`^(${RUN_ID_PATTERN})-(\\d{1,10})$`);

export function parseRequestId(id: string): { runId: string; appealId: number } | undefined {
  const m = REQUEST_ID.exec(id);
  if (!m) return undefined;
  const appealId = Number(m[2]);
  return appealId <= 2 ** 31 ? { runId: m[1] as string, appealId } : undefined;
}

export const isClosed = (state: AppealState) => TERMINAL_STATES.has(state);

/** The 12345 state in words: `已签收 Signed: …` with what it means for the citizen. */
const MEANING: Record<AppealState, string> = {
  received: 'the hotline has received the appeal',
  answered: 'answered on the spot by the hotline',
  redirected: 'handed over to the competent channel',
  dispatched: 'dispatched to the responsible unit',
  returned: 'returned by the unit as not its own; under review',
  signed: 'the responsible unit has signed for it',
  contacted: 'the unit has contacted the citizen',
  supervised: 'overdue: under supervision (督办)',
  handled: 'the unit has handled it',
  replied: 'the unit has reported back; callback pending',
  evaluated: 'the citizen was called back and rated the outcome',
  verified: 'verified on site',
  closed: 'closed',
};

export function statusNotes(state: AppealState): string {
  const label = STATE_LABELS[state];
  return `${label.zh} ${label.en}: ${MEANING[state]}`;
}

/** A run appeal as a GeoReport v2 service request (with `extended_attributes` when asked). */
export function toRequest(
  run: Open311Run,
  appeal: AppealDetail,
  options: {
    filed?: FiledRecord;
    whistle: boolean;
    extensions: boolean;
    updates?: number;
    /** Hide the answer key (category and unit) from a trainee while the exercise runs. */
    withheld?: boolean;
    /** An anonymous reader: no citizen's words, no media, the place to the street (see {@link publicView}). */
    publicOnly?: boolean;
  },
) {
  const full = fullRequest(run, appeal, options);
  return options.publicOnly ? publicView(full, appeal.place, run.cityEn) : full;
}

/**
 * What anyone may read without a key or a session, as FixMyStreet publishes reports without the
 * reporter's details: the citizen's words (description, media, the rating and outcome they gave) are
 * withheld, and the place is the street, never the community: the address names the district and
 * street, and lat/long are rounded to 0.01° (about 1 km).
 */
function publicView<T extends ReturnType<typeof fullRequest>>(
  request: T,
  place: AppealDetail['place'],
  cityEn: string,
): T {
  const ext = 'extended_attributes' in request ? request.extended_attributes : undefined;
  return {
    ...request,
    description: null,
    media_url: null,
    address: `${place.district}${place.street} · ${place.streetEn}, ${place.districtEn}, ${cityEn}`,
    address_id: null,
    lat: Math.round(request.lat * 100) / 100,
    long: Math.round(request.long * 100) / 100,
    ...(ext
      ? {
          extended_attributes: { ...ext, community: null, community_en: null, outcome: null, rating: null },
          attributes: { urgency: null },
        }
      : {}),
  };
}

function fullRequest(run: Open311Run, appeal: AppealDetail, options: Parameters<typeof toRequest>[2]) {
  const { filed, withheld = false } = options;
  const received = appeal.history[0]?.at;
  const place = appeal.place;
  const request = {
    service_request_id: requestId(run.id, appeal.id),
    status: isClosed(appeal.state) ? ('closed' as const) : ('open' as const),
    status_notes: statusNotes(appeal.state),
    service_name: withheld ? WITHHELD.name : serviceName(appeal.category),
    service_code: withheld ? WITHHELD.code : appeal.category.id,
    description: filed ? (filed.description ?? null) : appeal.text.zh,
    agency_responsible: appeal.unit && !withheld ? `${appeal.unit.name} ${appeal.unit.nameEn}` : null,
    service_notice: null,
    requested_datetime: run.clock.toIso(received ?? 0),
    updated_datetime: appeal.updated === null ? null : run.clock.toIso(appeal.updated),
    expected_datetime: appeal.deadline === null ? null : run.clock.toIso(appeal.deadline),
    address:
      filed?.address ??
      `${place.district}${place.street}${place.community} · ${place.communityEn}, ${place.streetEn}, ${place.districtEn}, ${run.cityEn}`,
    address_id: filed?.address_id ?? null,
    zipcode: null,
    lat: filed?.lat !== undefined ? Number(filed.lat) : place.lat,
    long: filed?.long !== undefined ? Number(filed.long) : place.lon,
    media_url: filed?.media_url ?? null,
  };
  if (!options.extensions) return request;
  return {
    ...request,
    extended_attributes: {
      state: appeal.state,
      state_zh: appeal.stateLabel.zh,
      state_en: appeal.stateLabel.en,
      channel: filed ? 'open311' : appeal.source === 'grid' ? 'grid' : 'hotline',
      source: appeal.source,
      district: place.district,
      district_en: place.districtEn,
      street: place.street,
      street_en: place.streetEn,
      community: place.community,
      community_en: place.communityEn,
      unit_kind: withheld ? null : (appeal.unit?.kind ?? null),
      sla_class: withheld ? null : appeal.category.slaClass,
      whistle: options.whistle,
      outcome: appeal.outcome,
      rating: appeal.rating,
      urgency: filed?.urgency ?? null,
      updates: options.updates ?? 0,
    },
    attributes: { urgency: filed?.urgency ?? null },
    notes: notesOf(run, appeal, withheld),
  };
}

/** What a trainee sees instead of the category while the exercise runs. */
const WITHHELD = { code: 'withheld', name: '待定 Withheld until the exercise ends' } as const;

/**
 * Chicago's `notes`: the appeal's timeline from its stored history, `opened` (received), `activity`
 * (each step after) and `closed` (its terminal step), naming the unit that holds it unless withheld.
 */
function notesOf(run: Open311Run, appeal: AppealDetail, withheld: boolean) {
  return appeal.history.map((h, i) => {
    const unit = h.unit >= 0 && appeal.unit?.index === h.unit && !withheld ? appeal.unit : null;
    return {
      type: i === 0 ? ('opened' as const) : isClosed(h.to) ? ('closed' as const) : ('activity' as const),
      datetime: run.clock.toIso(h.at),
      summary: statusNotes(h.to),
      description: unit ? `${unit.name} ${unit.nameEn}` : null,
    };
  });
}

/** FixMyStreet's update statuses for the 12345 states (servicerequestupdates). */
export const UPDATE_STATUS: Record<AppealState, string> = {
  received: 'OPEN',
  answered: 'CLOSED',
  redirected: 'INTERNAL_REFERRAL',
  dispatched: 'INVESTIGATING',
  returned: 'INVESTIGATING',
  signed: 'ACTION_SCHEDULED',
  contacted: 'IN_PROGRESS',
  supervised: 'IN_PROGRESS',
  handled: 'IN_PROGRESS',
  replied: 'FIXED',
  evaluated: 'FIXED',
  verified: 'FIXED',
  closed: 'CLOSED',
};
