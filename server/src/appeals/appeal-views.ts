import {
  APPEALS_PAGE_SIZE,
  appealKind,
  STATE_LABELS,
  appealSite,
  appealWords,
  locateAppeal,
  MATTERS,
  type AppealDetail,
  type AppealMatter,
  type AppealState,
  type HistoryEntry,
  type LiveRun,
} from '@hotline-sim/shared';
import { ApiError } from '../http/errors';
import type { AppealStore } from './appeal-store';
import type { StoredAppeal } from './appeal-record';

/** A page of a run's appeals, filtered by state, street (code) and category (id); pages count from 1. */
export interface AppealsQuery {
  state?: AppealState;
  street?: string;
  category?: string;
  page: number;
}

export interface AppealViewsDeps {
  store: AppealStore;
  /** The run's model, to name its categories, places and units (throws when there is no such run). */
  lookup(runId: string): Promise<LiveRun>;
  /** The run's seed: an appeal's words are drawn from it. */
  seedOf(runId: string): Promise<number>;
  /** What a citizen wrote with an appeal filed from outside (by its token); null when nothing. */
  ownWords(token: string): Promise<string | null>;
}

/** The appeals of a run as the API shows them: records named with the run's city and catalogue. */
export class AppealViews {
  constructor(private readonly deps: AppealViewsDeps) {}

  /** A page of a run's appeals, newest first. */
  async page(
    runId: string,
    q: AppealsQuery,
  ): Promise<{ page: number; pageSize: number; total: number; appeals: AppealDetail[] }> {
    const model = (await this.deps.lookup(runId)).model.city;
    let street: number | undefined;
    let category: number | undefined;
    if (q.street !== undefined) {
      street = model.city.streets.findIndex((x) => x.id === q.street);
      if (street < 0)
        throw new ApiError(
          400,
          `unknown street "${q.street}" (give a street code, e.g. ${model.city.streets[0]?.id})`,
        );
    }
    if (q.category !== undefined) {
      category = model.categories.findIndex((x) => x.id === q.category);
      if (category < 0)
        throw new ApiError(400, `unknown category "${q.category}" (e.g. ${model.categories[0]?.id})`);
    }
    const start = (q.page - 1) * APPEALS_PAGE_SIZE;
    const { total, ids } = await this.deps.store.page(
      runId,
      { state: q.state, street, category },
      start,
      APPEALS_PAGE_SIZE,
    );
    const appeals = (await this.details(runId, ids, false)).filter((a): a is AppealDetail => a !== undefined);
    return { page: q.page, pageSize: APPEALS_PAGE_SIZE, total, appeals };
  }

  /** One appeal with its text, place, holder and (when asked) its full history. */
  async detail(runId: string, appealId: number, withHistory = true): Promise<AppealDetail | undefined> {
    return (await this.details(runId, [appealId], withHistory))[0];
  }

  /** Several appeals (read in one round trip), in the order asked; undefined for those not stored. */
  async details(
    runId: string,
    ids: readonly number[],
    withHistory: boolean,
  ): Promise<(AppealDetail | undefined)[]> {
    const live = await this.deps.lookup(runId);
    const [seed, reads] = await Promise.all([
      this.deps.seedOf(runId),
      this.deps.store.readMany(runId, ids, withHistory),
    ]);
    return Promise.all(
      reads.map(async (read) => {
        if (!read) return undefined;
        const own = await this.ownWords(runId, read.record.id);
        return toDetail(live, seed, read.record, read.history, own);
      }),
    );
  }

  /**
   * An appeal filed from outside (Open311) shows the citizen's own words, exactly as sent: the
   * dashboard must render them as text, never as markup.
   */
  private async ownWords(runId: string, appealId: number): Promise<string | null> {
    if (appealKind(appealId) !== 'external') return null;
    const token = await this.deps.store.tokenOf(runId, appealId);
    return token ? this.deps.ownWords(token) : null;
  }
}

/** A stored appeal as `GET /api/runs/:id/appeals/:appealId` shows it. */
function toDetail(
  live: LiveRun,
  seed: number,
  record: StoredAppeal,
  history: HistoryEntry[],
  own: string | null,
): AppealDetail {
  const city = live.model.city;
  const f = record.fields;
  const cat = city.categories[f.category];
  const unit = city.units[f.unit];
  const place = appealSite(locateAppeal(city.city, f.street, f.cell));
  const matter = matterOf(live, record.id);
  return {
    id: record.id,
    state: record.state,
    stateLabel: STATE_LABELS[record.state],
    source: f.source,
    category: {
      index: f.category,
      id: cat?.id ?? '',
      zh: cat?.zh ?? '',
      en: cat?.en ?? '',
      slaClass: cat?.slaClass ?? '',
    },
    place,
    unit: unit ? { index: unit.index, name: unit.name, nameEn: unit.nameEn, kind: unit.kind } : null,
    deadline: f.deadline,
    updated: f.updated ?? null,
    outcome: f.outcome,
    rating: f.rating,
    text: own ? { zh: own, en: own } : (matterWords(matter) ?? appealWords(cat?.id, place, seed, record.id)),
    matter,
    history,
  };
}

/** The service matter a caller about matters stands for (the run's model draws them up front), else null. */
function matterOf(live: LiveRun, appealId: number): AppealMatter | null {
  const call = live.model.matterCallOf(appealId);
  const matter = call && MATTERS[call.matter];
  if (!call || !matter) return null;
  const { kind, matters, channel, visits, materials } = call;
  return { kind, id: matter.id, zh: matter.zh, en: matter.en, matters, channel, visits, materials };
}

/** What a caller about a matter says: the question before applying, or the complaint after the result. */
function matterWords(m: AppealMatter | null): { zh: string; en: string } | null {
  if (!m) return null;
  if (m.kind === 'question')
    return {
      zh: `我想办理${m.zh}，请问需要准备哪些材料、在哪里办、能不能网上办？`,
      en: `I want to apply for “${m.en}”: which papers do I need, where do I apply, and can it be done online?`,
    };
  const trips = m.visits === 0 ? '' : `，前后跑了${m.visits}趟`;
  const tripsEn = m.visits === 0 ? '' : `, ${m.visits} trip${m.visits === 1 ? '' : 's'} in all`;
  return {
    zh: `我办${m.zh}${trips}，交了${m.materials}份材料，到现在还不满意，要投诉办理过程。`,
    en: `I applied for “${m.en}”${tripsEn} and ${m.materials} papers, and I am still not satisfied: I want to complain about how it was handled.`,
  };
}
