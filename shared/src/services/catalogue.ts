/**
 * The matter catalogue (事项清单) of the service-delivery model (DOMAIN.md §10): the departments of a
 * city's service hall, the materials applicants bring, the matters citizens and firms apply for and
 * the life events (一件事) that bundle them. Everything here is assumed (docs/ASSUMPTIONS.md,
 * "Service matters"): a small, typical list in the shape of a city's published catalogue (matter,
 * department(s), required materials, promised time 承诺时限), not any city's actual list.
 */

export const DEPARTMENTS = {
  market: { zh: '市场监管', en: 'Market regulation' },
  police: { zh: '公安', en: 'Public security' },
  hrss: { zh: '人力社保', en: 'Human resources and social security' },
  civil: { zh: '民政', en: 'Civil affairs' },
  medicare: { zh: '医保', en: 'Medical insurance' },
  housing: { zh: '规划资源（不动产）', en: 'Planning and real estate' },
  tax: { zh: '税务', en: 'Taxation' },
  fund: { zh: '公积金', en: 'Housing fund' },
  education: { zh: '教育', en: 'Education' },
} as const;
export type ServiceDepartmentId = keyof typeof DEPARTMENTS;

/** Materials; `held`: the government issued it or holds it (两个免于提交 applies; data sharing pulls it). */
export const MATERIALS = {
  idCard: { zh: '身份证', held: true },
  hukou: { zh: '户口簿', held: true },
  marriage: { zh: '结婚证', held: true },
  birthCert: { zh: '出生医学证明', held: true },
  license: { zh: '营业执照', held: true },
  propertyCert: { zh: '不动产权证书', held: true },
  socialCard: { zh: '社保卡', held: true },
  healthCert: { zh: '健康证明', held: true },
  taxRecord: { zh: '完税证明', held: true },
  residence: { zh: '居住登记证明', held: true },
  retireApproval: { zh: '退休审批表', held: true },
  photo: { zh: '照片', held: false },
  form: { zh: '申请表', held: false },
  lease: { zh: '租赁合同', held: false },
  contract: { zh: '买卖或借款合同', held: false },
  premisesPlan: { zh: '场所平面图', held: false },
  incomeProof: { zh: '收入证明', held: false },
  bankAccount: { zh: '银行账户信息', held: false },
  articles: { zh: '公司章程', held: false },
  employment: { zh: '劳动合同', held: false },
  invoices: { zh: '医疗票据', held: false },
} as const;
export type MaterialId = keyof typeof MATERIALS;

export type LifeEventId = 'birth' | 'retire' | 'house' | 'open' | 'hire';

export interface Matter {
  id: string;
  zh: string;
  en: string;
  applicant: 'citizen' | 'firm';
  /** Relative frequency as a stand-alone need (events add their own). */
  weight: number;
  /** Back-office steps in order: department and base work hours. */
  steps: readonly (readonly [ServiceDepartmentId, number])[];
  /** Required materials, most necessary first (材料减半 drops from the end). */
  materials: readonly MaterialId[];
  /** Promised time (承诺时限), working days, before any cut. */
  promisedDays: number;
  /** Order in which matters go online: open online when readiness < services.onlineMatters. */
  readiness: number;
  /** Needs the applicant in person once even online (fingerprints, a signature before an officer). */
  inPerson?: boolean;
  /** The result (licence, card) is collected at a counter unless mailed. */
  pickup?: boolean;
  event?: LifeEventId;
  /** A benefit the government can grant from its own data (免申即享). */
  benefit?: boolean;
}

const m = (x: Matter) => x;

export const MATTERS: readonly Matter[] = [
  m({
    id: 'idCardRenew',
    zh: '居民身份证换领',
    en: 'ID card renewal',
    applicant: 'citizen',
    weight: 10,
    steps: [['police', 0.6]],
    materials: ['idCard', 'hukou', 'photo'],
    promisedDays: 15,
    readiness: 0.85,
    inPerson: true,
    pickup: true,
  }),
  m({
    id: 'hukouMove',
    zh: '户口迁移',
    en: 'Household registration transfer',
    applicant: 'citizen',
    weight: 4,
    steps: [['police', 1.2]],
    materials: ['idCard', 'hukou', 'residence', 'form', 'photo'],
    promisedDays: 20,
    readiness: 0.7,
    pickup: true,
  }),
  m({
    id: 'residencePermit',
    zh: '居住证办理',
    en: 'Residence permit',
    applicant: 'citizen',
    weight: 8,
    steps: [['police', 0.8]],
    materials: ['idCard', 'lease', 'residence', 'employment', 'photo'],
    promisedDays: 15,
    readiness: 0.5,
    pickup: true,
  }),
  m({
    id: 'marriageReg',
    zh: '结婚登记',
    en: 'Marriage registration',
    applicant: 'citizen',
    weight: 3,
    steps: [['civil', 0.5]],
    materials: ['idCard', 'hukou', 'photo'],
    promisedDays: 1,
    readiness: 0.97,
    inPerson: true,
  }),
  m({
    id: 'minimumLiving',
    zh: '最低生活保障申请',
    en: 'Minimum living allowance',
    applicant: 'citizen',
    weight: 2,
    steps: [
      ['civil', 2],
      ['civil', 1.5],
    ],
    materials: ['idCard', 'hukou', 'bankAccount', 'incomeProof', 'residence', 'form'],
    promisedDays: 30,
    readiness: 0.75,
    benefit: true,
  }),
  m({
    id: 'medicalReimburse',
    zh: '零星医疗费报销',
    en: 'Medical bill reimbursement',
    applicant: 'citizen',
    weight: 9,
    steps: [['medicare', 0.8]],
    materials: ['idCard', 'invoices', 'socialCard', 'bankAccount'],
    promisedDays: 20,
    readiness: 0.55,
    benefit: true,
  }),
  m({
    id: 'schoolEnrol',
    zh: '义务教育入学登记',
    en: 'School enrolment',
    applicant: 'citizen',
    weight: 4,
    steps: [['education', 0.7]],
    materials: ['hukou', 'birthCert', 'propertyCert', 'idCard', 'residence'],
    promisedDays: 20,
    readiness: 0.3,
  }),
  m({
    id: 'birthRegister',
    zh: '新生儿落户',
    en: "Newborn's household registration",
    applicant: 'citizen',
    weight: 1,
    steps: [['police', 0.6]],
    materials: ['birthCert', 'hukou', 'idCard', 'marriage'],
    promisedDays: 5,
    readiness: 0.4,
    event: 'birth',
  }),
  m({
    id: 'birthMedicare',
    zh: '新生儿医保参保',
    en: "Newborn's medical insurance",
    applicant: 'citizen',
    weight: 1,
    steps: [['medicare', 0.4]],
    materials: ['birthCert', 'hukou', 'form'],
    promisedDays: 5,
    readiness: 0.2,
    event: 'birth',
  }),
  m({
    id: 'socialCard',
    zh: '社保卡申领',
    en: 'Social security card',
    applicant: 'citizen',
    weight: 5,
    steps: [['hrss', 0.4]],
    materials: ['idCard', 'photo', 'form'],
    promisedDays: 10,
    readiness: 0.3,
    pickup: true,
    event: 'birth',
  }),
  m({
    id: 'birthAllowance',
    zh: '生育津贴申领',
    en: 'Maternity allowance',
    applicant: 'citizen',
    weight: 1,
    steps: [
      ['medicare', 0.8],
      ['hrss', 0.5],
    ],
    materials: ['idCard', 'birthCert', 'marriage', 'bankAccount', 'form'],
    promisedDays: 20,
    readiness: 0.35,
    event: 'birth',
    benefit: true,
  }),
  m({
    id: 'pensionClaim',
    zh: '养老金申领',
    en: 'Pension claim',
    applicant: 'citizen',
    weight: 1,
    steps: [['hrss', 1.5]],
    materials: ['idCard', 'socialCard', 'retireApproval', 'bankAccount', 'form'],
    promisedDays: 20,
    readiness: 0.45,
    event: 'retire',
    benefit: true,
  }),
  m({
    id: 'retireMedicare',
    zh: '退休医保待遇核定',
    en: "Retiree's medical insurance",
    applicant: 'citizen',
    weight: 1,
    steps: [['medicare', 0.6]],
    materials: ['idCard', 'socialCard', 'retireApproval'],
    promisedDays: 10,
    readiness: 0.3,
    event: 'retire',
  }),
  m({
    id: 'fundWithdraw',
    zh: '住房公积金提取',
    en: 'Housing fund withdrawal',
    applicant: 'citizen',
    weight: 8,
    steps: [['fund', 0.5]],
    materials: ['idCard', 'bankAccount', 'propertyCert', 'contract'],
    promisedDays: 5,
    readiness: 0.15,
    event: 'retire',
  }),
  m({
    id: 'propertyTransfer',
    zh: '二手房转移登记',
    en: 'Property transfer registration',
    applicant: 'citizen',
    weight: 4,
    steps: [
      ['tax', 1],
      ['housing', 1.5],
    ],
    materials: ['idCard', 'propertyCert', 'contract', 'taxRecord', 'hukou', 'marriage'],
    promisedDays: 10,
    readiness: 0.6,
    pickup: true,
    event: 'house',
  }),
  m({
    id: 'utilitiesTransfer',
    zh: '水电气网过户',
    en: 'Utilities transfer',
    applicant: 'citizen',
    weight: 2,
    steps: [['housing', 0.4]],
    materials: ['idCard', 'propertyCert', 'form'],
    promisedDays: 5,
    readiness: 0.25,
    event: 'house',
  }),
  m({
    id: 'companyRegister',
    zh: '企业设立登记',
    en: 'Company registration',
    applicant: 'firm',
    weight: 4,
    steps: [['market', 1]],
    materials: ['idCard', 'articles', 'lease', 'form'],
    promisedDays: 3,
    readiness: 0.2,
    pickup: true,
    event: 'open',
  }),
  m({
    id: 'foodLicense',
    zh: '食品经营许可',
    en: 'Food business licence',
    applicant: 'firm',
    weight: 2,
    steps: [['market', 2]],
    materials: ['license', 'idCard', 'lease', 'premisesPlan', 'healthCert', 'form'],
    promisedDays: 20,
    readiness: 0.65,
    pickup: true,
    event: 'open',
  }),
  m({
    id: 'taxRegister',
    zh: '税务登记与发票申领',
    en: 'Tax registration and invoices',
    applicant: 'firm',
    weight: 3,
    steps: [['tax', 0.6]],
    materials: ['license', 'idCard', 'bankAccount', 'form'],
    promisedDays: 5,
    readiness: 0.1,
    event: 'open',
  }),
  m({
    id: 'sealEngrave',
    zh: '印章刻制备案',
    en: 'Company seal filing',
    applicant: 'firm',
    weight: 1,
    steps: [['police', 0.3]],
    materials: ['license', 'idCard', 'form'],
    promisedDays: 1,
    readiness: 0.15,
    pickup: true,
    event: 'open',
  }),
  m({
    id: 'employeeSocial',
    zh: '单位社保参保登记',
    en: "Employees' social insurance",
    applicant: 'firm',
    weight: 3,
    steps: [['hrss', 0.5]],
    materials: ['license', 'idCard', 'employment', 'bankAccount'],
    promisedDays: 5,
    readiness: 0.2,
    event: 'hire',
  }),
  m({
    id: 'employeeFund',
    zh: '单位公积金开户',
    en: "Employees' housing fund",
    applicant: 'firm',
    weight: 2,
    steps: [['fund', 0.5]],
    materials: ['license', 'idCard', 'employment', 'form'],
    promisedDays: 5,
    readiness: 0.2,
    event: 'hire',
  }),
  m({
    id: 'constructionPermit',
    zh: '建筑工程施工许可',
    en: 'Construction permit',
    applicant: 'firm',
    weight: 1,
    steps: [
      ['housing', 3],
      ['market', 0.5],
    ],
    materials: ['license', 'propertyCert', 'contract', 'premisesPlan', 'form'],
    promisedDays: 20,
    readiness: 0.9,
    inPerson: true,
  }),
  m({
    id: 'jobSubsidy',
    zh: '稳岗补贴申领',
    en: 'Job-retention subsidy',
    applicant: 'firm',
    weight: 2,
    steps: [['hrss', 0.8]],
    materials: ['license', 'bankAccount', 'taxRecord', 'form'],
    promisedDays: 20,
    readiness: 0.4,
    benefit: true,
  }),
  m({
    id: 'firmCancel',
    zh: '企业注销',
    en: 'Company deregistration',
    applicant: 'firm',
    weight: 1,
    steps: [
      ['tax', 1.5],
      ['market', 1],
    ],
    materials: ['license', 'idCard', 'taxRecord', 'articles', 'form'],
    promisedDays: 20,
    readiness: 0.8,
  }),
];

/** Life events (一件事) and how often applicants come with one, relative to the matters' weights. */
export const LIFE_EVENTS: Readonly<Record<LifeEventId, { zh: string; en: string; weight: number }>> = {
  birth: { zh: '出生一件事', en: 'A birth', weight: 4 },
  retire: { zh: '退休一件事', en: 'Retirement', weight: 3 },
  house: { zh: '房屋交易一件事', en: 'Buying a home', weight: 3 },
  open: { zh: '开办餐饮店一件事', en: 'Opening a restaurant', weight: 3 },
  hire: { zh: '员工招聘一件事', en: 'Hiring staff', weight: 2 },
};

/** A need that brings an applicant: one matter, or a life event's matters. */
export interface Need {
  matters: readonly number[];
  event?: LifeEventId;
}

/** Every need with its weight: each matter alone, then each life event with all its matters. */
export const NEEDS: readonly { need: Need; weight: number }[] = [
  ...MATTERS.map((mt, i) => ({ need: { matters: [i] }, weight: mt.weight })),
  ...(Object.keys(LIFE_EVENTS) as LifeEventId[]).map((event) => ({
    need: { event, matters: MATTERS.flatMap((mt, i) => (mt.event === event ? [i] : [])) },
    weight: LIFE_EVENTS[event].weight,
  })),
];
