/**
 * What one replication of the service-matter model observed: plain counts (JSON-safe, so the queue
 * carries them as they are). Per matter case: `matters` … `onTime`; per application (one visit to the
 * process: a single matter, or a bundle of a life event's matters): `applications` … `complaintCalls`.
 * A benefit granted from data (免申即享) is a matter case done online with no visit, no material and
 * one day, and no application.
 */
export interface ServiceObservation {
  matters: number;
  online: number;
  fullyOnline: number;
  atMostOneVisit: number;
  visits: number;
  materials: number;
  /** Sum over matter cases of working days from application to result. */
  days: number;
  onTime: number;
  granted: number;
  applications: number;
  returnRounds: number;
  rated: number;
  goodReviews: number;
  satisfied: number;
  questionCalls: number;
  complaintCalls: number;
  /** Hotline contacts about matters: questions (when 12345 answers them) and complaints. */
  matterCalls: number;
  /**
   * Contacts the hotline model received about matters in the observed window (the matter calls
   * scaled by `callsPerMatterCall`, in the hotline's sample); 0 when they are not fed to it.
   */
  matterContacts: number;
}

export const SERVICE_COUNTERS = [
  'matters',
  'online',
  'fullyOnline',
  'atMostOneVisit',
  'visits',
  'materials',
  'days',
  'onTime',
  'granted',
  'applications',
  'returnRounds',
  'rated',
  'goodReviews',
  'satisfied',
  'questionCalls',
  'complaintCalls',
  'matterCalls',
  'matterContacts',
] as const satisfies readonly (keyof ServiceObservation)[];

export function emptyServiceObservation(): ServiceObservation {
  return Object.fromEntries(SERVICE_COUNTERS.map((k) => [k, 0])) as unknown as ServiceObservation;
}
