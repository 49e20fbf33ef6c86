import {
  appealSite,
  appealTextSeed,
  appealWords,
  locateAppeal,
  type AppealSite,
} from '../catalogue/appeal-site';
import type { CityModel } from '../hotline/city-model';
import { createRng, hashSeed } from '../random/rng';
import type { SeatChannel, SeatOffer } from './seats';

/**
 * What a seat reads of an offered appeal: the citizen's words (from the category the text reads like,
 * with the place filled in), a cue a careful dispatcher can hear (an emergency, a repeat, a question),
 * and the caller. Deterministic per (seed, appeal), so a replay shows the same words.
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

const CUES: Record<SeatChannel | 'answer', { zh: string; en: string }> = {
  '110': { zh: '楼下有人打起来了，还动了刀，', en: 'People are fighting downstairs, one has a knife; ' },
  '119': { zh: '现场冒烟了，像是着火了，', en: 'There is smoke, it looks like a fire; ' },
  '120': { zh: '有位老人摔倒受伤起不来，', en: 'An old man fell and is hurt, he cannot get up; ' },
  '122': { zh: '路口刚撞车了，有人受伤，', en: 'Two cars just crashed at the junction, someone is hurt; ' },
  legal: {
    zh: '这事我已经向法院起诉了，劳动仲裁也申请过，想让你们直接给个说法：',
    en: 'I have already gone to court over this and applied for arbitration; I want you to settle it: ',
  },
  repeat: {
    zh: '这事我上周已经打过电话，工单还在办，再催一下：',
    en: 'I called about this last week, the order is still open; chasing it: ',
  },
  answer: { zh: '想咨询一下：', en: 'Just a question: ' },
};

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
  const category = model.categories[offer.textCategory] ?? model.categories[offer.category];
  const body = appealWords(category?.id, place, seed, offer.appealId);
  const textSeed = appealTextSeed(seed, offer.appealId);
  const t = offer.truth;
  const cue =
    t.action === 'redirect' && t.channel ? CUES[t.channel] : t.action === 'answer' ? CUES.answer : undefined;
  const rng = createRng(hashSeed(textSeed, 1));
  const surname = SURNAMES[Math.floor(rng.next() * SURNAMES.length)] as string;
  const digits = Array.from({ length: 4 }, () => Math.floor(rng.next() * 10)).join('');
  return {
    appealId: offer.appealId,
    text: cue ? { zh: cue.zh + body.zh, en: cue.en + body.en } : body,
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
