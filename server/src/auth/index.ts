export { Auth, type CookieSecure } from './auth';
export {
  authRoutes,
  guardApi,
  instructorOnly,
  limitPerMinute,
  sessionMiddleware,
  sessionOf,
} from './auth-routes';
export { ensureInstructorPassword } from './password';
export { mayWatch, refusal, type Role, type Session } from './roles';
export { COOKIE_NAME, readCookie } from './sessions';
