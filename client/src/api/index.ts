export { api, ApiError, type AppealsPage } from './rest';
