import type { ClientToServerEvents, ServerToClientEvents } from '@hotline-sim/shared';
import type { Router } from 'express';
import type { Server as IoServer } from 'socket.io';
import type { RunManager } from '../live/run-manager';
import { roomOf } from '../realtime/rooms';
import type { RedisClient } from '../redis/client';
import { lessonRoutes } from './lesson-routes';
import { LessonStore } from './lesson-store';

export { lessonRoutes, presentSchema, type LessonRouteDeps } from './lesson-routes';
export { LESSONS_KEY, LessonStore, lessonStepsKey } from './lesson-store';
export { NoChromiumError, pdfPrinter, printPdf } from '../http/print-pdf';
export { escapeHtml, worksheetHtml, type WorksheetLang, type WorksheetRun } from './worksheet';

/**
 * The lesson routes of a server: lessons kept in `redis`, `lesson:step` sent to the run's room of the
 * Socket.IO server `io()` returns (the app's, built after the routes).
 */
export function lessonApi(deps: {
  manager: RunManager;
  redis: RedisClient;
  chromiumPath: string;
  io: () => IoServer<ClientToServerEvents, ServerToClientEvents>;
}): Router {
  return lessonRoutes({
    manager: deps.manager,
    lessons: new LessonStore(deps.redis),
    chromiumPath: deps.chromiumPath,
    broadcast: (event) => deps.io().to(roomOf(event.runId)).emit('lesson:step', event),
  });
}
