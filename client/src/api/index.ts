export { api, ApiError, setUnauthorizedHandler, type AppealsPage, type SessionInfo } from './rest';
