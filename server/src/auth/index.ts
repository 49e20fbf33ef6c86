export { Auth, type CookieSecure } from './auth';
export { exerciseEnded, hideAnswersFromTrainee } from './answer-key';
export { accessOf, allow, assertGuarded, routesOf } from './access';
export { authRoutes, instructorOnly, limitPerMinute, sessionMiddleware, sessionOf } from './auth-routes';
export { ensureInstructorPassword } from './password';
export { ACCESS, mayWatch, refusal, type Access, type Role, type Session } from './roles';
export { COOKIE_NAME, readCookie, sessionRoom } from './sessions';
