import type { CategoryId } from '../../catalogue/categories';
import { isCategoryId } from '../../catalogue/categories';
import type { AppealType } from '../seats';

/**
 * The appeal types (诉求类型) a dispatched appeal of each category may have, as its words say. A
 * question the hotline answers on the spot is always 咨询 (consult); an emergency handed to its line is
 * 求助 (help); a matter already before a court or arbitration is 投诉 (complaint). Assumed from the
 * kind of matter (a 举报 reports someone breaking rules, a 求助 asks for a service, a 建议 proposes a
 * change, a 投诉 complains about a service or a nuisance); see docs/ASSUMPTIONS.md.
 */
const DISPATCH_TYPES: Record<CategoryId, readonly AppealType[]> = {
  'epidemic-prevention': ['help', 'report'],
  'medical-services': ['complaint', 'suggestion'],
  'medical-insurance': ['help', 'complaint'],
  'unlicensed-trading': ['report', 'complaint'],
  'consumer-disputes': ['complaint', 'help'],
  'food-safety': ['report', 'complaint'],
  heating: ['help', 'complaint'],
  'public-transport': ['complaint', 'suggestion'],
  'water-supply': ['help'],
  'power-supply': ['help'],
  'gas-supply': ['help'],
  'property-management': ['complaint', 'help'],
  'group-rental': ['report'],
  'real-estate': ['complaint', 'help'],
  'illegal-construction': ['report'],
  'construction-noise': ['complaint', 'report'],
  'municipal-facilities': ['help', 'suggestion'],
  'illegal-parking': ['report', 'complaint'],
  'traffic-accident': ['help'],
  'road-traffic': ['suggestion', 'complaint'],
  'noise-nuisance': ['complaint'],
  'public-security': ['report', 'help'],
  'fire-hazard': ['report'],
  'wage-arrears': ['help', 'complaint'],
  'social-insurance': ['help'],
  'school-enrolment': ['help', 'suggestion'],
  'off-campus-training': ['complaint', 'report'],
  garbage: ['complaint', 'suggestion'],
  'air-pollution': ['report', 'complaint'],
  'river-pollution': ['report'],
  waterlogging: ['help'],
  pests: ['help', 'suggestion'],
  greening: ['suggestion', 'help'],
  'elderly-care': ['help', 'suggestion'],
  'policy-consultation': ['help', 'suggestion'],
};

/** For a category outside the built-in catalogue. */
const OTHER_TYPES: readonly AppealType[] = ['complaint', 'help'];

/** The types a dispatched appeal of this category may have (one or several). */
export function dispatchTypes(categoryId: string): readonly AppealType[] {
  return isCategoryId(categoryId) ? DISPATCH_TYPES[categoryId] : OTHER_TYPES;
}

/**
 * What a 建议 proposes, per category that admits one (Chinese and English, to follow "建议" / "I
 * suggest"); other categories propose that the matter be dealt with for good.
 */
const FIXES: Partial<Record<CategoryId, { zh: string; en: string }>> = {
  'medical-services': {
    zh: '医院公开检查项目的说明，设专人解答患者疑问',
    en: 'the hospital explain its tests in writing and have someone answer patients',
  },
  'public-transport': {
    zh: '增开早晚高峰班次，把站点设得离居民区近一些',
    en: 'more buses at rush hour and stops closer to homes',
  },
  'municipal-facilities': {
    zh: '定期巡查维修路面和路灯，坏了及时更换',
    en: 'regular checks of roads and street lights, with quick repairs',
  },
  'road-traffic': {
    zh: '优化信号灯配时，增设减速带和人行横道',
    en: 'retiming the lights and adding speed bumps and crossings',
  },
  'school-enrolment': {
    zh: '提前公布学位信息，就近多安排一些学位',
    en: 'publishing school places earlier and offering more places nearby',
  },
  garbage: {
    zh: '增设分类垃圾桶，加密清运频次',
    en: 'more sorting bins and more frequent collection',
  },
  pests: { zh: '定期统一消杀，清理卫生死角', en: 'regular pest control and clearing dirty corners' },
  greening: {
    zh: '定期修剪树木，把空地补种成绿地',
    en: 'regular tree pruning and planting the empty plots',
  },
  'elderly-care': {
    zh: '多开几家养老驿站，增加助餐和上门服务',
    en: 'more elderly-care stations with meals and home visits',
  },
  'policy-consultation': {
    zh: '把办事指南公布得更清楚，能在网上一次办好',
    en: 'clearer service guides and getting it done online in one go',
  },
};

const OTHER_FIX = { zh: '相关部门建立长效机制，彻底解决', en: 'a lasting fix by the departments concerned' };

/** What a 建议 about this category proposes. */
export function suggestionFix(categoryId: string): { zh: string; en: string } {
  return (isCategoryId(categoryId) ? FIXES[categoryId] : undefined) ?? OTHER_FIX;
}

/** How the citizen names the problem where the category's name is a catalogue heading. */
const PROBLEM_NAMES: Partial<Record<CategoryId, { zh: string; en: string }>> = {
  'policy-consultation': { zh: '政策办事', en: 'policy and paperwork' },
};

/** The problem's name in the citizen's words: the category's, lower-case in English. */
export function problemName(category: { id: string; zh: string; en: string }): { zh: string; en: string } {
  return (
    (isCategoryId(category.id) ? PROBLEM_NAMES[category.id] : undefined) ?? {
      zh: category.zh,
      en: category.en.toLowerCase(),
    }
  );
}
