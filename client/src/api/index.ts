export {
  api,
  ApiError,
  errorText,
  firstRuns,
  firstSession,
  prefetch,
  setUnauthorizedHandler,
  type AppealsPage,
  type SessionInfo,
} from './rest';
export { trainingApi } from './training';
export { lessonsApi } from './lessons';
export { leversApi, type LeverChange } from './levers';
export { lookupApi } from './lookup';
export { libraryApi } from './library';
export { citiesApi } from './cities';
