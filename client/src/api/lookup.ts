import type { CatalogueRow, KbEntry } from '@hotline-sim/shared';
import { call } from './rest';

const enc = encodeURIComponent;

/** The seat's look-ups (server/src/training/lookup-routes.ts): the 派单目录 and the 知识库 of a run. */
export const lookupApi = {
  /** Catalogue rows for words (matter, place) and, optionally, a street (code or name). */
  catalogue: (runId: string, q: string, street: string | null, signal?: AbortSignal) => {
    const query = new URLSearchParams({ q, ...(street ? { street } : {}) });
    return call<{ rows: CatalogueRow[] }>(
      'GET',
      `/runs/${enc(runId)}/catalogue?${query}`,
      undefined,
      signal,
    ).then((r) => r.rows);
  },
  /** Knowledge-base entries for a caller's question, with the notice that they are training material. */
  knowledge: (runId: string, q: string, signal?: AbortSignal) =>
    call<{ notice: { zh: string; en: string }; entries: KbEntry[] }>(
      'GET',
      `/runs/${enc(runId)}/knowledge?${new URLSearchParams({ q })}`,
      undefined,
      signal,
    ),
};
