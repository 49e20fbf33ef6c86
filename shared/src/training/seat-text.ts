import { appealSite, appealTextSeed, locateAppeal, type AppealSite } from '../catalogue/appeal-site';
import type { CityModel } from '../hotline/city-model';
import { createRng, hashSeed } from '../random/rng';
import { seatWords } from './cues/compose';
import type { SeatOffer } from './seats';

/**
 * What a seat reads of an offered appeal: the citizen's words (cues/compose.ts: the category the text
 * reads like, the place, the type, the ask, an emergency's story, a legal route or a repeat, the
 * problems of a multi-unit case), and the caller. Deterministic per (seed, appeal), so a replay shows the same words.
 */
export interface SeatAppealView {
  appealId: number;
  text: { zh: string; en: string };
  caller: { name: string; phone: string };
  place: AppealSite;
  slaClass: string;
  /** The class's time limit in hours (the scenario's), counted from dispatch. */
  slaHours: number;
  offeredAt: number;
  holdUntil: number;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];

export function seatAppealView(offer: SeatOffer, model: CityModel, seed: number): SeatAppealView {
  const place = appealSite(locateAppeal(model.city, offer.street, offer.cell));
  const textSeed = appealTextSeed(seed, offer.appealId);
  const t = offer.truth;
  const rng = createRng(hashSeed(textSeed, 1));
  const surname = SURNAMES[Math.floor(rng.next() * SURNAMES.length)] as string;
  const digits = Array.from({ length: 4 }, () => Math.floor(rng.next() * 10)).join('');
  return {
    appealId: offer.appealId,
    text: seatWords(offer, model, seed).text,
    caller: {
      name: `${surname}${rng.next() < 0.5 ? '先生' : '女士'}`,
      phone: `13${Math.floor(rng.next() * 10)}****${digits}`,
    },
    place,
    slaClass: t.slaClass,
    slaHours: (model.slaSeconds[offer.category] ?? 0) / 3600,
    offeredAt: offer.at,
    holdUntil: offer.holdUntil,
  };
}
