export { LeagueTable } from './LeagueTable';
