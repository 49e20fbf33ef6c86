import {
  appealSite,
  appealTextSeed,
  appealWords,
  locateAppeal,
  type AppealSite,
} from '../../catalogue/appeal-site';
import type { CityModel } from '../../hotline/city-model';
import { createRng, hashSeed } from '../../random/rng';
import type { CallbackOffer, CallbackTruth, ReturnOffer } from './role-events';

type ZhEn = { zh: string; en: string };

/** What a review seat reads of a return: the appeal as dispatched, the unit that sent it back and its note. */
export interface ReturnView {
  appealId: number;
  text: ZhEn;
  place: AppealSite;
  /** The category (catalogue index) the order was dispatched under. */
  category: number;
  /** The unit that returned it (index in the city's units). */
  unit: number;
  /** The unit's note on the return: it always says the order is not its own; the catalogue tells. */
  note: ZhEn;
  offeredAt: number;
  holdUntil: number;
}

/** One line of the callback conversation. */
export interface CallLine {
  who: 'agent' | 'citizen';
  zh: string;
  en: string;
}

/** What a callback seat hears: the appeal it calls about and the conversation with the citizen. */
export interface CallbackView {
  appealId: number;
  text: ZhEn;
  place: AppealSite;
  category: number;
  /** The unit that handled it. */
  unit: number;
  conversation: CallLine[];
  offeredAt: number;
  holdUntil: number;
}

const RETURN_NOTES: ZhEn[] = [
  {
    zh: '经核实，该事项不属于我单位职责范围，申请退回重新派发。',
    en: 'On checking, this matter is not within our remit; we ask to return it for re-dispatch.',
  },
  {
    zh: '此诉求涉及多个部门，非我单位单独可以解决，申请退单。',
    en: 'This appeal involves several departments and is not ours alone to solve; we ask to return it.',
  },
  {
    zh: '该事项应由其他单位负责，请核实后改派。',
    en: 'Another unit is responsible for this matter; please check and re-assign it.',
  },
];

/** The citizen's words for each outcome, rating and the unit's pressure: two ways of saying each (zh, en). */
const SAYS: Record<
  'resolved' | 'partly' | 'not' | 'satisfied' | 'basically' | 'notRated' | 'pressed',
  readonly ZhEn[]
> = {
  resolved: [
    { zh: '已经解决了，他们来人处理好了。', en: 'It is solved, they came and fixed it.' },
    { zh: '弄好了，现在没问题了。', en: 'It is sorted now, no problem any more.' },
  ],
  partly: [
    { zh: '解决了一部分，还有些没弄好。', en: 'Partly: some of it is still not done.' },
    { zh: '处理了一下，但没彻底解决。', en: 'They did something, but it is not really solved.' },
  ],
  not: [
    { zh: '没解决，到现在还是老样子。', en: 'Not solved, it is the same as before.' },
    { zh: '问题还在，没人真正管。', en: 'The problem is still there, nobody really dealt with it.' },
  ],
  satisfied: [
    { zh: '满意，挺好的。', en: 'Satisfied, it went well.' },
    { zh: '非常满意，谢谢你们。', en: 'Very satisfied, thank you.' },
  ],
  basically: [
    { zh: '基本满意吧，还凑合。', en: 'Basically satisfied, it will do.' },
    { zh: '还行，基本满意。', en: 'It is OK, basically satisfied.' },
  ],
  notRated: [
    { zh: '不满意。', en: 'Not satisfied.' },
    { zh: '说实话，不满意。', en: 'Honestly, not satisfied.' },
  ],
  pressed: [
    {
      zh: '对了，街道的人来过好几次，让我给个满意……',
      en: 'By the way, people from the street came round several times asking me to say I am satisfied…',
    },
    {
      zh: '办事的人还打电话来，让我回访时一定说满意。',
      en: 'The person handling it phoned me and told me to be sure to say satisfied when you call.',
    },
  ],
};

const pick = <T>(list: readonly T[], u: number): T => list[Math.floor(u * list.length)] as T;

/**
 * The callback conversation: the agent asks, the citizen says whether it was resolved and how
 * satisfied they are (and, when the unit pressed them, says so). Deterministic per (seed, appeal).
 */
export function callbackConversation(
  truth: CallbackTruth,
  categoryName: ZhEn,
  seed: number,
  appealId: number,
): CallLine[] {
  const rng = createRng(hashSeed(appealTextSeed(seed, appealId), 7));
  const outcome = pick(SAYS[truth.outcome], rng.next());
  const rating = pick(truth.rating === 'not' ? SAYS.notRated : SAYS[truth.rating], rng.next());
  const pressed = pick(SAYS.pressed, rng.next());
  return [
    {
      who: 'agent',
      zh: `您好，这里是12345市民服务热线回访。您反映的“${categoryName.zh}”问题，现在解决了吗？`,
      en: `Hello, this is the 12345 citizen hotline calling back about your "${categoryName.en}" appeal. Has it been solved?`,
    },
    { who: 'citizen', ...outcome },
    { who: 'agent', zh: '您对办理结果满意吗？', en: 'Are you satisfied with how it was handled?' },
    { who: 'citizen', ...rating },
    ...(truth.pressed ? [{ who: 'citizen' as const, ...pressed }] : []),
  ];
}

function appealOf(offer: ReturnOffer | CallbackOffer, model: CityModel, seed: number) {
  const place = appealSite(locateAppeal(model.city, offer.street, offer.cell));
  const category = model.categories[offer.category];
  return { place, text: appealWords(category?.id, place, seed, offer.appealId), category };
}

export function returnView(offer: ReturnOffer, model: CityModel, seed: number): ReturnView {
  const { place, text } = appealOf(offer, model, seed);
  const rng = createRng(hashSeed(appealTextSeed(seed, offer.appealId), 8));
  return {
    appealId: offer.appealId,
    text,
    place,
    category: offer.category,
    unit: offer.unit,
    note: pick(RETURN_NOTES, rng.next()),
    offeredAt: offer.at,
    holdUntil: offer.holdUntil,
  };
}

export function callbackView(offer: CallbackOffer, model: CityModel, seed: number): CallbackView {
  const { place, text, category } = appealOf(offer, model, seed);
  const name = { zh: category?.zh ?? '', en: category?.en ?? '' };
  return {
    appealId: offer.appealId,
    text,
    place,
    category: offer.category,
    unit: offer.unit,
    conversation: callbackConversation(offer.truth, name, seed, offer.appealId),
    offeredAt: offer.at,
    holdUntil: offer.holdUntil,
  };
}
