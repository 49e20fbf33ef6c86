import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { runIdSchema } from '../http/run-id';
import { ErrorAnswer } from './api-answers';

/* The pieces the OpenAPI paths are written with (openapi.ts, openapi-runs.ts). */

type Responses = ZodOpenApiOperationObject['responses'];

/** A JSON answer with its schema. */
export const json = (schema: z.ZodType, description = 'OK'): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema } },
});
/** A CSV answer. */
export const csv: ZodOpenApiResponseObject = {
  description: 'OK',
  content: { 'text/csv': { schema: z.string() } },
};
/** A 4xx answer `{ error }`, saying when it comes. */
export const error = (description: string) => json(ErrorAnswer, description);
/** A JSON request body. */
export const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema } },
});
export const auth: Responses = {
  401: error('no session (log in: POST /api/session)'),
  403: error('the role may not'),
};
export const runPath = z.object({ id: runIdSchema });
/** An operation on one run: its id in the path, 404 when there is no such run. */
export const runOp = (
  summary: string,
  ok: ZodOpenApiResponseObject,
  extra: Responses = {},
): ZodOpenApiOperationObject => ({
  summary,
  requestParams: { path: runPath },
  responses: { 200: ok, ...auth, 404: error('no such run'), ...extra },
});
/** A path parameter that is any string. */
export const pathOf = (name: string) => z.object({ [name]: z.string() });
/** A JSON answer `{ [key]: item[] }`. */
export const listOf = (key: string, item: z.ZodType) => json(z.looseObject({ [key]: z.array(item) }));
/** DELETE of an instructor's thing named in the path. */
export const revoke = (summary: string, param: string, missing: string): ZodOpenApiOperationObject => ({
  summary,
  requestParams: { path: pathOf(param) },
  responses: { 204: { description: 'revoked' }, ...auth, 404: error(missing) },
});
