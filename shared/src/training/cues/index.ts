export { dispatchTypes } from './appeal-types';
export { scoredFacts, seatWords, summaryCarries, type ScoredFact, type SeatWords } from './compose';
export { seatTruthCues, type OfferedAppeal } from './seat-truth';
