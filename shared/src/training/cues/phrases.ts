import type { AppealType } from '../seats';

/**
 * The phrases a seat's words are built from, Chinese and English: how the citizen says the appeal's
 * type and ask, emergencies told as stories, legal and repeat cues, and the problems a multi-unit
 * case's assisting departments own. `{…}` marks a name filled in by compose.ts.
 */

export interface Words {
  zh: string;
  en: string;
}

/** The opening of a work-order text, plain (says the type) or implicit (a neutral 反映). */
export const LEADS: Record<AppealType, Words> & { neutral: Words } = {
  consult: { zh: '市民来电咨询：', en: 'Caller asks: ' },
  help: { zh: '市民来电求助：', en: 'Caller asks for help: ' },
  complaint: { zh: '市民来电投诉：', en: 'Caller complains: ' },
  report: { zh: '市民来电举报：', en: 'Caller reports a violation: ' },
  suggestion: { zh: '市民来电建议：', en: 'Caller makes a suggestion: ' },
  neutral: { zh: '市民来电反映：', en: 'Caller says: ' },
};

/**
 * What the citizen asks for, by type: the plain form names the type ("我要投诉…"), the implicit one
 * leaves it to be heard. `{problem}` is the problem's name; with a 建议, `{fix}` what it proposes.
 * `ask` is the part that carries the ask (a scored fact).
 */
export const ASKS: Record<
  AppealType,
  { plain: Words; implicit: Words; ask: { plain: Words; implicit: Words } }
> = {
  complaint: {
    plain: {
      zh: '我要投诉这个{problem}问题，要求相关部门核实处理并给我答复。',
      en: 'I want to complain about this {problem} problem and ask the authorities to deal with it and reply to me.',
    },
    implicit: {
      zh: '这个{problem}问题拖了很久，希望给个说法。',
      en: 'This {problem} problem has dragged on too long; I want an answer.',
    },
    ask: {
      plain: {
        zh: '要求相关部门核实处理并给我答复',
        en: 'ask the authorities to deal with it and reply to me',
      },
      implicit: { zh: '希望给个说法', en: 'I want an answer' },
    },
  },
  report: {
    plain: {
      zh: '我想举报这个{problem}问题，请相关部门依法查处。',
      en: 'I want to report this {problem} problem; please investigate and enforce the rules.',
    },
    implicit: {
      zh: '这个{problem}问题，希望有人来查一查。',
      en: 'About this {problem} problem, I hope someone comes to look into it.',
    },
    ask: {
      plain: { zh: '请相关部门依法查处', en: 'please investigate and enforce the rules' },
      implicit: { zh: '希望有人来查一查', en: 'I hope someone comes to look into it' },
    },
  },
  help: {
    plain: {
      zh: '请帮忙解决这个{problem}问题，希望尽快派人来处理。',
      en: 'Please help solve this {problem} problem and send someone soon.',
    },
    implicit: {
      zh: '这个{problem}问题我实在没办法了，希望有人来看看。',
      en: 'I can do nothing more about this {problem} problem; I hope someone comes to see.',
    },
    ask: {
      plain: { zh: '希望尽快派人来处理', en: 'send someone soon' },
      implicit: { zh: '希望有人来看看', en: 'I hope someone comes to see' },
    },
  },
  suggestion: {
    plain: {
      zh: '针对这个{problem}问题，我建议{fix}。',
      en: 'About this {problem} problem, I suggest {fix}.',
    },
    implicit: {
      zh: '这个{problem}问题，要是能{fix}就好了。',
      en: 'About this {problem} problem, it would be good to have {fix}.',
    },
    ask: { plain: { zh: '{fix}', en: '{fix}' }, implicit: { zh: '{fix}', en: '{fix}' } },
  },
  consult: {
    plain: {
      zh: '请问{problem}这方面的事该怎么办理？',
      en: 'How should I handle a {problem} matter like this?',
    },
    implicit: {
      zh: '想了解一下{problem}这方面是怎么规定的？',
      en: 'What are the rules on {problem} here?',
    },
    ask: {
      plain: { zh: '该怎么办理？', en: 'How should I handle' },
      implicit: { zh: '是怎么规定的？', en: 'What are the rules' },
    },
  },
};

/**
 * Words an order's summary may use to carry the ask (any one, either language, any case): the
 * transparent rule of {@link summaryCarries}. A 建议 also counts with its proposal's clauses.
 */
export const ASK_TERMS: Record<Exclude<AppealType, 'consult'> | 'legal', readonly string[]> = {
  complaint: ['核实', '处理', '答复', '说法', 'deal with', 'reply', 'answer', 'investigat'],
  report: ['查处', '查一查', '调查', '执法', 'investigat', 'enforce', 'look into'],
  help: ['派人', '解决', '处理', '看看', '帮忙', 'send someone', 'solve', 'help', 'come and'],
  suggestion: ['建议', 'suggest'],
  legal: ['说法', '法院', '仲裁', 'settle', 'court', 'arbitration'],
};

/** Where the caller lives, when the body does not say. */
export const LIVES_IN: Words = {
  zh: '来电人家住{district}{street}{community}。',
  en: 'The caller lives in {community}, {street}, {district}.',
};

/** An emergency told as the whole story: the plain telling, the implicit one, and the ask. */
export interface EmergencyStory {
  plain: Words;
  implicit: Words;
  /** The words that carry the emergency (a scored fact), in the plain and implicit tellings. */
  cue: { plain: Words; implicit: Words };
}

/**
 * Emergencies by line (119 split by whether the category is gas). `{home}` is the caller's home (a
 * numbered building in a city community, a numbered courtyard in a village), `{place}` the community.
 */
export const EMERGENCIES: Record<'110' | '119-fire' | '119-gas' | '120' | '122', EmergencyStory> = {
  '110': {
    plain: {
      zh: '{place}{home}门口有两伙人打起来了，其中一人手里拿着刀，已经有人受伤，请赶紧报警派人来！',
      en: 'Two groups are fighting outside {home}, {place}; one man has a knife and someone is already hurt. Please send the police now!',
    },
    implicit: {
      zh: '{place}{home}门口几个人越吵越凶，推搡起来了，好像有人掏出了家伙，我很害怕。',
      en: 'Some people outside {home}, {place} are shouting and shoving, and one seems to have pulled something out; I am scared.',
    },
    cue: {
      plain: { zh: '手里拿着刀', en: 'one man has a knife' },
      implicit: { zh: '好像有人掏出了家伙', en: 'one seems to have pulled something out' },
    },
  },
  '119-fire': {
    plain: {
      zh: '{place}{home}着火了，浓烟一直往外冒，里面可能还有人，请马上派消防车来！',
      en: '{home}, {place} is on fire, thick smoke is pouring out and someone may still be inside. Send the fire brigade now!',
    },
    implicit: {
      zh: '{place}{home}那边冒出好多黑烟，还有一股焦糊味，越来越大。',
      en: 'Lots of black smoke is coming from {home}, {place}, with a burning smell, and it is getting worse.',
    },
    cue: {
      plain: { zh: '着火了', en: 'is on fire' },
      implicit: { zh: '冒出好多黑烟', en: 'black smoke is coming' },
    },
  },
  '119-gas': {
    plain: {
      zh: '{place}{home}里燃气味特别重，像是燃气泄漏了，还看到有火苗，请马上派消防来！',
      en: 'There is a strong smell of gas in {home}, {place}, it looks like a gas leak and there are flames. Send the fire brigade now!',
    },
    implicit: {
      zh: '{place}{home}里一股很浓的燃气味，敲邻居门没人应，不知道怎么办。',
      en: 'There is a heavy smell of gas in {home}, {place}; the neighbours do not answer the door and I do not know what to do.',
    },
    cue: {
      plain: { zh: '燃气泄漏了', en: 'a gas leak' },
      implicit: { zh: '很浓的燃气味', en: 'a heavy smell of gas' },
    },
  },
  '120': {
    plain: {
      zh: '{place}{home}有位老人在家摔倒了，头上流血，起不来，请赶快派救护车！',
      en: 'An old man fell at home in {home}, {place}; his head is bleeding and he cannot get up. Please send an ambulance!',
    },
    implicit: {
      zh: '{place}{home}家里老人刚才摔了一跤，说腿疼得动不了，脸色也不太好。',
      en: 'An old man at {home}, {place} just fell; he says his leg hurts too much to move and he looks pale.',
    },
    cue: {
      plain: { zh: '请赶快派救护车', en: 'Please send an ambulance' },
      implicit: { zh: '说腿疼得动不了', en: 'his leg hurts too much to move' },
    },
  },
  '122': {
    plain: {
      zh: '{place}门口的路口两辆车刚撞在一起，有人受伤，车还横在路中间，请赶快派交警来！',
      en: 'Two cars just crashed at the junction outside {place}; someone is hurt and the cars block the road. Please send the traffic police!',
    },
    implicit: {
      zh: '{place}门口的路口刚才两辆车碰了，司机在吵，有一个人捂着胳膊。',
      en: 'Two cars just collided at the junction outside {place}; the drivers are arguing and one is holding his arm.',
    },
    cue: {
      plain: { zh: '两辆车刚撞在一起，有人受伤', en: 'Two cars just crashed' },
      implicit: { zh: '两辆车碰了', en: 'Two cars just collided' },
    },
  },
};

/** A matter already before a court or arbitration, said as the category's legal route. */
export const LEGAL: Record<'labour' | 'consumer' | 'property' | 'housing' | 'other', Words> = {
  labour: {
    zh: '这事我已经申请了劳动仲裁，也准备向法院起诉，',
    en: 'I have already applied for labour arbitration and am ready to go to court; ',
  },
  consumer: {
    zh: '这事我向消协投诉过，调解不成，已经向法院起诉了商家，',
    en: 'I complained to the consumer association, mediation failed, and I have sued the shop in court; ',
  },
  property: {
    zh: '我和物业的纠纷已经向法院起诉，法院已经立案，',
    en: 'I have taken the property company to court and the court has accepted the case; ',
  },
  housing: {
    zh: '这事我已经向法院起诉，案子正在审理，',
    en: 'I have already sued in court and the case is being heard; ',
  },
  other: { zh: '这事我已经向法院起诉了，', en: 'I have already taken this to court; ' },
};

/** After a legal cue: the citizen wants the hotline to settle what a court is settling. */
export const LEGAL_ASK: { sentence: Words; ask: Words } = {
  sentence: {
    zh: '这个{problem}的事，想让你们直接给个说法。',
    en: 'On this {problem} matter, I want you to settle it for me.',
  },
  ask: { zh: '想让你们直接给个说法', en: 'I want you to settle it for me' },
};

/** A repeat of an open order. */
export const REPEAT: Words = {
  zh: '这事我上周已经打过电话，工单还在办，再催一下：',
  en: 'I called about this last week and the order is still open; chasing it: ',
};

/**
 * The problems a multi-unit case's assisting departments own, by city unit id: the words name each
 * (rural wording where it differs). Departments not listed get the generic problem.
 */
export const FACETS: Record<string, { urban: Words; rural?: Words }> = {
  market: { urban: { zh: '有商户无照经营', en: 'shops trade without a licence' } },
  'urban-law-enforcement': {
    urban: { zh: '有人占道堆物、私搭乱建', en: 'people pile goods on the pavement and put up sheds' },
    rural: { zh: '有人占用村道堆物、私搭乱建', en: 'people pile goods on the village road and put up sheds' },
  },
  housing: {
    urban: {
      zh: '房屋被擅自改建，存在安全隐患',
      en: 'the flats have been altered without permission, which is unsafe',
    },
    rural: {
      zh: '房屋被擅自改建，存在安全隐患',
      en: 'the houses have been altered without permission, which is unsafe',
    },
  },
  'public-security': {
    urban: { zh: '经常有陌生人深夜聚集，治安很乱', en: 'strangers gather late at night and it feels unsafe' },
  },
  planning: {
    urban: { zh: '占用规划绿地加盖房屋', en: 'extra rooms are built on land zoned as green space' },
    rural: { zh: '占用耕地加盖房屋', en: 'extra rooms are built on farmland' },
  },
  ecology: { urban: { zh: '排出的油烟和污水还污染环境', en: 'fumes and waste water pollute the area' } },
  'traffic-police': { urban: { zh: '车辆乱停堵住了路口', en: 'parked cars block the junction' } },
  'fire-rescue': {
    urban: { zh: '消防通道被堵死', en: 'the fire lane is blocked' },
    rural: { zh: '院门口的消防通道被堵死', en: 'the fire lane by the yards is blocked' },
  },
  emergency: { urban: { zh: '存在安全生产隐患', en: 'there is a workplace safety hazard' } },
  'city-management': { urban: { zh: '垃圾清运不及时', en: 'the rubbish is not collected on time' } },
  'water-authority': {
    urban: { zh: '河道被堵、水排不出去', en: 'the channel is blocked and water cannot drain' },
  },
  health: { urban: { zh: '蚊蝇老鼠很多', en: 'there are many flies, mosquitoes and rats' } },
};
export const OTHER_FACET: Words = { zh: '还有别的问题没人管', en: 'other problems nobody deals with' };

/**
 * A multi-unit case: the plain telling names the problems and the departments ("…恐怕需要A、B一起来管"),
 * the implicit one only the problems. `{facets}` are the problems joined, `{units}` the departments.
 */
export const MULTI: { plain: Words; implicit: Words } = {
  plain: {
    zh: '不光是这样，{facets}，恐怕需要{units}一起来管。',
    en: 'And that is not all: {facets}; it will take {units} together to sort it out.',
  },
  implicit: { zh: '而且{facets}，一直没人管。', en: 'Also, {facets}, and nobody deals with it.' },
};
