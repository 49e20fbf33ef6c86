import { z } from 'zod';

const share = z.number().min(0).max(1);

/**
 * The service-matter section of a scenario (DOMAIN.md §10: Zhejiang's 最多跑一次, Shanghai's
 * 一网通办): applicants arrive on working days with a need from the matter catalogue (catalogue.ts)
 * and are served by the city's back offices. Every lever's VIOTE driver and one-sentence effect are
 * in `SERVICE_LEVERS` (levers.ts). Defaults are the pre-reform hall: every lever off.
 */
export const servicesSchema = z.strictObject({
  /** Applicants (needs: one matter or one life event) per working day. A sample of the city's volume. */
  applicantsPerDay: z.number().positive(),
  /**
   * Back-office staff-hours a day relative to the expected work at the base catalogue (1 = exactly
   * the expected hours, so queues grow with every fluctuation). @defaultValue 1.15 (assumed)
   */
  staffing: z.number().min(0.3).max(5).default(1.15),
  /**
   * Work waiting at each back office when the run starts, in days of its capacity (cases from before
   * the run, not observed): the queue an office works through first. @defaultValue 1 (assumed)
   */
  backlogDays: z.number().min(0).max(30).default(1),
  /**
   * Share of the promised time an office holds a finished case before releasing it (offices use the
   * time they are given). @defaultValue 0.5 (assumed)
   */
  holdShare: share.default(0.5),
  /** Chance that one submitted material is missing or wrong, sending the applicant back. @defaultValue 0.06 (assumed) */
  missingPerMaterial: share.default(0.06),
  /** 一窗受理: one comprehensive window takes every matter, routes it inside and mails the result. @defaultValue false */
  oneWindow: z.boolean().default(false),
  /** Data sharing (两个免于提交, 一证通办): share of government-held material types pulled instead of submitted. @defaultValue 0 */
  dataSharing: share.default(0),
  /** 材料减半: share of each matter's required materials dropped (the least necessary first). @defaultValue 0 */
  materialsCut: z.number().min(0).max(0.8).default(0),
  /** 时限减半: share cut from every promised time (承诺时限). @defaultValue 0 */
  timeLimitCut: z.number().min(0).max(0.8).default(0),
  /** Share of the catalogue's matters that can be applied for online (the most ready first). @defaultValue 0 */
  onlineMatters: share.default(0),
  /** Share of applicants who apply online (浙里办, 随申办) when their matter can be. @defaultValue 0 */
  onlineAdoption: share.default(0),
  /** 一件事一次办: a life event's matters in one application with one set of materials. @defaultValue false */
  bundles: z.boolean().default(false),
  /** 免申即享: share of benefit claims granted from the government's data, without an application. @defaultValue 0 */
  grantFromData: share.default(0),
  /**
   * 好差评 acted on: share of bad reviews after which the department fixes the matter (fewer missing
   * papers, less work for later applicants). @defaultValue 0
   */
  reviewsActedOn: share.default(0),
  /** 12345 answers matter questions from one knowledge base (integrated hotline). @defaultValue false */
  hotlineAnswers: z.boolean().default(false),
  /**
   * Hotline contacts each matter call of this (sampled) model stands for: the calls enter the 12345
   * intake queue as contacts about matters (政策咨询及其他). Set per city so that the matter contacts
   * of its first year are an assumed share of its hotline's contacts (scenarios/service-city.ts).
   * 0: the calls are counted, not fed to the hotline. @defaultValue 0
   */
  callsPerMatterCall: z.number().min(0).max(1000).default(0),
  /** Share of applications the applicant rates (好差评). @defaultValue 0.6 (assumed) */
  ratedShare: share.default(0.6),
});

export type ServicesInput = z.input<typeof servicesSchema>;
export type Services = z.output<typeof servicesSchema>;
