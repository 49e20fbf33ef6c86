import type { Lever } from '../hotline/levers';

/**
 * The service-matter levers (DOMAIN.md §10), in the same shape as the hotline's catalogue (LEVERS),
 * each with its VIOTE driver and one sentence of cause and effect. `scenarioLevers` lists them for a
 * scenario with a `services` section, so `hotline levers`, `sensitivity`, `sweep` and compare swing
 * them. Each has a direction test in shared/test/services-levers.test.ts.
 */
export const SERVICE_LEVERS: readonly Lever[] = [
  {
    path: 'services.oneWindow',
    driver: 'organization',
    kind: 'boolean',
    zh: '一窗受理',
    en: 'One window for every matter',
    explain: {
      zh: '一个综合窗口受理所有事项并在内部流转、寄送结果：办事人不再在部门间奔走，跑动次数减少。',
      en: 'One window takes every matter, routes it inside and mails the result: no walking between departments, fewer visits.',
    },
  },
  {
    path: 'services.dataSharing',
    driver: 'technology',
    kind: 'number',
    range: [0, 1],
    zh: '数据共享（两个免于提交、一证通办）',
    en: 'Data sharing (no documents the government holds)',
    explain: {
      zh: '政府已有的材料由系统调取：提交材料减少，因缺材料而多跑的次数减少。',
      en: 'Materials the government holds are pulled: fewer materials, fewer return visits for missing papers.',
    },
  },
  {
    path: 'services.materialsCut',
    driver: 'institution',
    kind: 'number',
    range: [0, 0.5],
    zh: '材料减半',
    en: 'Materials cut',
    explain: {
      zh: '取消不必要的材料：件均材料和补件跑动减少。',
      en: 'Unneeded materials are dropped: fewer materials per case and fewer returns to complete them.',
    },
  },
  {
    path: 'services.timeLimitCut',
    driver: 'institution',
    kind: 'number',
    range: [0, 0.5],
    zh: '时限减半',
    en: 'Promised times cut',
    explain: {
      zh: '承诺时限缩短：部门不再压件，办理天数减少；但人手不足时按时办结率下降。',
      en: 'Shorter promised times: offices hold cases less, so days fall; with too few staff the on-time share falls.',
    },
  },
  {
    path: 'services.staffing',
    driver: 'organization',
    kind: 'number',
    range: [0.95, 1.5],
    zh: '后台审批人手',
    en: 'Back-office staffing',
    explain: {
      zh: '审批人手相对工作量越多，排队越短，按时办结越多。',
      en: 'More back-office staff-hours per unit of work: shorter queues, more cases on time.',
    },
  },
  {
    path: 'services.onlineMatters',
    driver: 'technology',
    kind: 'number',
    range: [0, 1],
    zh: '可网办事项比例',
    en: 'Matters open online',
    explain: {
      zh: '更多事项可以网上申请：愿意网办的人不必到大厅，网办率和全程网办率上升。',
      en: 'More matters can be applied for online: those who want to stay home can, so online and fully-online shares rise.',
    },
  },
  {
    path: 'services.onlineAdoption',
    driver: 'technology',
    kind: 'number',
    range: [0, 1],
    zh: '网上和掌上办理使用率（浙里办、随申办）',
    en: 'Online and app adoption',
    explain: {
      zh: '更多办事人用网上或手机办理：到大厅的次数减少。',
      en: 'More applicants use the portal or app: fewer visits to a hall.',
    },
  },
  {
    path: 'services.bundles',
    driver: 'organization',
    kind: 'boolean',
    zh: '一件事一次办',
    en: 'One life event, one application',
    explain: {
      zh: '一个人生事件的多个事项合并为一次申请、一套材料：跑动和重复材料减少。',
      en: "A life event's matters in one application with one set of materials: fewer visits and no repeated papers.",
    },
  },
  {
    path: 'services.grantFromData',
    driver: 'technology',
    kind: 'number',
    range: [0, 1],
    zh: '免申即享',
    en: 'Benefits granted from data',
    explain: {
      zh: '符合条件的待遇由数据比对直接兑现：这些申请不再发生，件均跑动和材料减少。',
      en: 'Eligible benefits are granted from data: those applications never happen, so visits and materials per case fall.',
    },
  },
  {
    path: 'services.reviewsActedOn',
    driver: 'value',
    kind: 'number',
    range: [0, 1],
    zh: '好差评整改',
    en: 'Bad reviews acted on',
    explain: {
      zh: '差评后部门整改该事项（说明更清楚、流程更短）：后来的办事人补件更少、办得更快。',
      en: 'After a bad review the department fixes the matter (clearer guidance, shorter steps): later applicants return less and wait less.',
    },
  },
  {
    path: 'services.hotlineAnswers',
    driver: 'organization',
    kind: 'boolean',
    zh: '12345 统一解答办事咨询',
    en: '12345 answers matter questions',
    explain: {
      zh: '办事前的咨询由 12345 按统一知识库解答：材料一次备齐，补件跑动减少（这些咨询计入热线来电）。',
      en: 'Questions before applying are answered by 12345 from one knowledge base: papers are right the first time, fewer return visits (and the questions become hotline contacts).',
    },
  },
];
