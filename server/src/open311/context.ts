import type { Request, RequestHandler, Response } from 'express';
import type { AppealStore } from '../appeals';
import type { RunManager } from '../live/run-manager';
import type { FiledRequests } from './filed-requests';
import type { Format } from './format';
import type { Locator } from './locate';
import type { RunClock } from './run-clock';

/** A run as Open311 dates it: its id and the clock its datetimes follow. */
export interface Open311Run {
  id: string;
  clock: RunClock;
  /** The English name of the run's city, which ends its addresses (`…, Chaoyang, Beijing`). */
  cityEn: string;
}

/** What a reader may see: every field, or the public ones (no citizen's words, places to the street). */
export type Reader = 'full' | 'public';

/** What the Open311 route files share: the run manager, the stores and the request plumbing. */
export interface Open311Context {
  manager: RunManager;
  store: AppealStore;
  filed: FiledRequests;
  /** A handler for `.json` or `.xml` that answers errors in the spec's shape. */
  route: (
    handler: (req: Request, res: Response, format: Format) => Promise<void>,
  ) => (req: Request, res: Response) => Promise<void>;
  /** The run a request is about: jurisdiction_id, else the newest running (or paused) run. */
  runOf: (jurisdiction: string | undefined) => Promise<Open311Run>;
  /** A run (found by id) with its Open311 clock; undefined when there is no such run. */
  open311Run: (runId: string) => Promise<Open311Run | undefined>;
  /** The run a writer may file into (undefined: the default run); throws when it may not write. */
  writer: (
    req: Request,
    res: Response,
    apiKey: string | undefined,
    jurisdiction?: string,
  ) => Promise<string | undefined>;
  /** Body parsers for forms and JSON, with the channel's limits. */
  forms: RequestHandler[];
  /** The POST rate limit (per api key, else per client address). */
  postLimit: RequestHandler;
  /** The locator of places in the run's city (one per city, built by its first request). */
  locatorOf: (runId: string) => Promise<Locator>;
  /** What the request's reader may see: a session or a valid `api_key` sees all, anyone else the public fields. */
  readerOf: (req: Request, res: Response) => Promise<Reader>;
}
