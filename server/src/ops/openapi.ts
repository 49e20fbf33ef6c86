import {
  createCityComparisonSchema,
  createComparisonSchema,
  createSweepSchema,
  exerciseSchema,
  seatNameSchema,
} from '@hotline-sim/shared';
import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { codeSchema, keySchema, loginSchema } from '../auth/auth-routes';
import { comparisonId, scenarioName, sweepId } from '../http/catalogue-routes';
import { cityComparisonId } from '../http/city-comparison-routes';
import { cityKey } from '../http/city-routes';
import { runIdSchema } from '../http/run-id';
import { copySchema, exerciseId, seatQuery } from '../training/exercise-routes';
import { ApiKeyInfo, Session, withFields } from './api-answers';
import {
  Exercise,
  HotWash,
  JoinCode,
  LibraryExercise,
  ScenarioSummary,
  StartedExercise,
  TraineeProgress,
  TrainingResult,
  TrainingRun,
} from './training-answers';
import { auth, body, csv, error, json, listOf, revoke } from './openapi-parts';
import { LESSON_PATHS } from './openapi-lessons';
import { LOOKUP_PATHS } from './openapi-lookup';
import { RUN_PATHS } from './openapi-runs';

/*
 * The OpenAPI 3.1 document of the REST API under /api (served at /api/openapi.json), generated from
 * the zod schemas that validate the requests (the route files', shared's) and describe the answers
 * (api-answers.ts). The tests request every documented operation and validate the real answers
 * against it (server/test/ops.test.ts), so the document cannot drift from the code unnoticed.
 */

const exercisePath = z.object({ id: exerciseId });

const OTHER_PATHS: ZodOpenApiPathsObject = {
  '/session': {
    post: {
      summary:
        'Log in: {password} for the instructor, {code} for an observer or trainee; sets the session cookie',
      security: [],
      requestBody: body(loginSchema),
      responses: {
        200: json(Session),
        400: error('malformed body'),
        401: error('wrong password, or unknown or expired code'),
        429: error('too many login attempts'),
      },
    },
    get: {
      summary: 'The current session',
      security: [],
      responses: { 200: json(Session), 401: error('not logged in') },
    },
    delete: {
      summary: 'Log out (clears the cookie)',
      security: [],
      responses: { 204: { description: 'logged out' } },
    },
  },
  '/scenarios': {
    get: {
      summary: 'Built-in scenarios',
      responses: { 200: listOf('scenarios', ScenarioSummary), ...auth },
    },
  },
  '/scenarios/{name}': {
    get: {
      summary: 'A built-in scenario with every default filled',
      requestParams: { path: z.object({ name: scenarioName }) },
      responses: {
        200: json(withFields('name', 'seed', 'hours', 'arrivals', 'intake')),
        400: error('malformed name'),
        ...auth,
        404: error('no such scenario'),
      },
    },
  },
  '/city': {
    get: {
      summary: "A city's map (default: the server's CITY): outline, districts, streets, cells, units",
      requestParams: { query: z.object({ key: cityKey.optional() }) },
      responses: {
        200: json(withFields('key', 'name', 'bbox', 'outline', 'districts', 'streets', 'cells', 'units')),
        400: error('malformed key'),
        ...auth,
        404: error('no such city'),
      },
    },
  },
  '/cities': {
    get: {
      summary: 'The cities a run may take place in (built in, and built by `hotline city`), and the default',
      responses: { 200: json(withFields('cities', 'default')), ...auth },
    },
  },
  '/comparisons': {
    post: {
      summary:
        'Compare two scenarios on common random numbers (queued); with explain, split each KPI over the levers that differ',
      requestBody: body(createComparisonSchema),
      responses: {
        202: json(withFields('id', 'status'), 'accepted'),
        400: error('invalid body'),
        ...auth,
        404: error('no such scenario'),
        422: error('invalid scenario'),
      },
    },
  },
  '/comparisons/{id}': {
    get: {
      summary: 'A comparison with its progress',
      requestParams: { path: z.object({ id: comparisonId }) },
      responses: {
        200: json(withFields('id', 'status', 'done', 'total')),
        400: error('malformed id'),
        ...auth,
        404: error('no such comparison'),
      },
    },
  },
  '/sweeps': {
    post: {
      summary: 'Run one scenario at 2-8 values of one numeric field (a lever path), on common seeds (queued)',
      requestBody: body(createSweepSchema),
      responses: {
        202: json(withFields('id', 'status', 'scenario', 'path', 'values', 'done', 'total'), 'accepted'),
        400: error('invalid body, or a path that names no number of the scenario'),
        ...auth,
        404: error('no such scenario'),
        422: error('invalid scenario (or a value its rules refuse)'),
      },
    },
  },
  '/sweeps/{id}': {
    get: {
      summary: 'A sweep with its progress, and its rows (a report per value) when done',
      requestParams: { path: z.object({ id: sweepId }) },
      responses: {
        200: json(withFields('id', 'status', 'path', 'values', 'done', 'total')),
        400: error('malformed id'),
        ...auth,
        404: error('no such sweep'),
      },
    },
  },
  '/comparisons/cities': {
    post: {
      summary:
        'The three cities side by side by VIOTE driver (queued): each lever a scenario uses switched off alone, on common random numbers',
      requestBody: body(createCityComparisonSchema),
      responses: {
        202: json(withFields('id', 'status', 'done', 'total'), 'accepted'),
        400: error('invalid body'),
        ...auth,
        422: error('invalid scenario'),
      },
    },
  },
  '/comparisons/cities/{id}': {
    get: {
      summary: 'A three-city comparison with its progress, and its levers by driver when done',
      requestParams: { path: z.object({ id: cityComparisonId }) },
      responses: {
        200: json(withFields('id', 'status', 'done', 'total')),
        400: error('malformed id'),
        ...auth,
        404: error('no such city comparison'),
      },
    },
  },
  '/codes': {
    get: {
      summary: 'Join codes (instructor)',
      responses: { 200: listOf('codes', JoinCode), ...auth },
    },
    post: {
      summary: 'Create a join code (instructor): observer, or trainee with runId and seat',
      requestBody: body(codeSchema),
      responses: {
        201: json(JoinCode, 'created'),
        400: error('invalid body'),
        ...auth,
        404: error('no such run'),
      },
    },
  },
  '/codes/{code}': {
    delete: revoke('Revoke a join code (instructor)', 'code', 'no such code'),
  },
  '/open311/keys': {
    get: {
      summary: 'Open311 api keys (instructor)',
      responses: { 200: listOf('keys', ApiKeyInfo), ...auth },
    },
    post: {
      summary: 'Issue an Open311 api key (instructor); the key is shown only here',
      requestBody: body(keySchema),
      responses: {
        201: json(z.intersection(ApiKeyInfo, z.looseObject({ key: z.string() })), 'created'),
        400: error('invalid body'),
        ...auth,
        404: error('no such run'),
      },
    },
  },
  '/open311/keys/{keyId}': {
    delete: revoke('Revoke an Open311 api key (instructor)', 'keyId', 'no such key'),
  },
  '/exercises': {
    get: {
      summary: 'Saved exercises, newest first (instructor)',
      responses: { 200: listOf('exercises', Exercise), ...auth },
    },
    post: {
      summary:
        'Save an exercise: a scenario with a lifecycle (built-in name or object), a difficulty, named ' +
        'seats and a script of injects (instructor)',
      requestBody: body(exerciseSchema),
      responses: {
        201: json(Exercise, 'created'),
        400: error('invalid body'),
        ...auth,
        404: error('no such built-in scenario'),
        422: error('invalid scenario, one without a lifecycle, or a script it cannot run'),
      },
    },
  },
  '/exercises/{id}': {
    get: {
      summary: 'One exercise (instructor)',
      requestParams: { path: exercisePath },
      responses: {
        200: json(Exercise),
        400: error('malformed exercise id'),
        ...auth,
        404: error('no such exercise'),
      },
    },
    put: {
      summary:
        'Change a saved exercise (its next start uses it; runs already started keep their own schedule) (instructor)',
      requestParams: { path: exercisePath },
      requestBody: body(exerciseSchema),
      responses: {
        200: json(Exercise),
        400: error('invalid body or exercise id'),
        ...auth,
        404: error('no such exercise or built-in scenario'),
        422: error('invalid scenario, one without a lifecycle, or a script it cannot run'),
      },
    },
  },
  '/exercises/library': {
    get: {
      summary: 'The built-in exercises (read-only, ids lib-…), beginner first (instructor)',
      responses: { 200: listOf('exercises', LibraryExercise), ...auth },
    },
  },
  '/exercises/{id}/copy': {
    post: {
      summary: 'A saved, editable copy of a built-in or saved exercise, under {name} or its own (instructor)',
      requestParams: { path: exercisePath },
      requestBody: body(copySchema),
      responses: {
        201: json(Exercise, 'created'),
        400: error('invalid body or exercise id'),
        ...auth,
        404: error('no such exercise'),
      },
    },
  },
  '/training/trainees/{seat}': {
    get: {
      summary:
        "A trainee's progress over the exercises they finished: each rubric item's values by run and its trend (instructor)",
      requestParams: { path: z.object({ seat: seatNameSchema }) },
      responses: { 200: json(TraineeProgress), 400: error('malformed seat name'), ...auth },
    },
  },
  '/exercises/{id}/start': {
    post: {
      summary: 'Start a run of the exercise, paused, with a trainee join code per seat (instructor)',
      requestParams: { path: exercisePath },
      responses: {
        201: json(StartedExercise, 'started'),
        400: error('malformed exercise id'),
        ...auth,
        404: error('no such exercise'),
        422: error('its saved scenario no longer validates'),
      },
    },
  },
  '/training/runs': {
    get: {
      summary: 'The runs exercises started, newest first (instructor)',
      responses: { 200: listOf('runs', TrainingRun), ...auth },
    },
  },
  '/training/runs/{runId}/hot-wash': {
    get: {
      summary:
        'The hot wash of an exercise run (live while it runs): per seat, strengths and misses (instructor)',
      requestParams: { path: z.object({ runId: runIdSchema }) },
      responses: {
        200: json(HotWash),
        400: error('malformed run id'),
        ...auth,
        404: error('no such exercise run'),
      },
    },
  },
  '/training/results': {
    get: {
      summary:
        "Every seat's score of every ended exercise run, oldest first; one trainee's with ?seat= (instructor)",
      requestParams: { query: seatQuery },
      responses: {
        200: listOf('results', TrainingResult),
        400: error('invalid query'),
        ...auth,
      },
    },
  },
  '/training/results.csv': {
    get: {
      summary:
        'The results as CSV for sign-off (finished_at, seat, exercise_id, run_id, passed, offered, decided, ' +
        'correct, timed_out, then one column per rubric item) (instructor)',
      requestParams: { query: seatQuery },
      responses: { 200: csv, 400: error('invalid query'), ...auth },
    },
  },
  '/openapi.json': {
    get: {
      summary: 'This document',
      security: [],
      responses: { 200: json(withFields('openapi', 'paths')) },
    },
  },
};

const document = createDocument({
  openapi: '3.1.0',
  info: {
    title: 'hotline-sim live server',
    version: '0.1.0',
    description:
      'Live runs of the Beijing 12345 接诉即办 simulator. Errors are `{ "error": "…" }` with a 4xx naming the problem. ' +
      'Every path but /session and /openapi.json needs a session cookie (`hotline_session`); writes need the instructor role ' +
      "(a trainee decides at their own seat); exercises and training results are the instructor's alone. " +
      'Open311 GeoReport v2 lives under /open311/v2 (its own spec).',
  },
  servers: [{ url: '/api' }],
  components: {
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hotline_session' } },
  },
  security: [{ session: [] }],
  paths: { ...OTHER_PATHS, ...RUN_PATHS, ...LOOKUP_PATHS, ...LESSON_PATHS },
});

/** The OpenAPI document, with the parts every generated document has. */
export const OPENAPI = document as typeof document & Required<Pick<typeof document, 'paths' | 'components'>>;
