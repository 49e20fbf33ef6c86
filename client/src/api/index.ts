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
export {
  lessonsApi,
  type Lesson,
  type LessonAnswer,
  type LessonFocus,
  type LessonPosition,
  type LessonRunActions,
  type LessonStep,
  type LessonSummary,
  type LessonText,
} from './lessons';
