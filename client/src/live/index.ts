export { LiveStore, mergeSeries, type LiveState, type MoveBatch, type Connection } from './live-store';
export { LiveContext, useLive, useLiveStore } from './use-live';
