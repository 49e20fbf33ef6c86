import { LIBRARY_DATE, type LibraryExercise } from './types';

/** Intermediate: the 2023 rainstorm in Fangshan, waterlogging and power cuts with emergencies among them. */
export const summerStorm: LibraryExercise = {
  id: 'lib-summer-storm',
  builtin: true,
  level: 3,
  createdAt: LIBRARY_DATE,
  name: '夏季暴雨 · Summer rainstorm',
  title: { zh: '夏季暴雨', en: 'Summer rainstorm' },
  description: {
    zh: '2023 年 7 月底特大暴雨：房山区积水、停电、停水、树木倒伏类诉求激增，供电企业处置中断。其间夹杂被困、触电、车辆涉水等紧急情况，必须立即转 110/119/120/122；其余按主办、协办派单，写清地点。',
    en: 'The late-July 2023 rainstorm: waterlogging, power and water cuts and fallen trees surge in Fangshan and the power utility’s handling stops. Among them come emergencies (people trapped, live wires, cars in floodwater) that must go to 110/119/120/122 at once; the rest are dispatched with lead and assisting units and a clear place.',
  },
  goals: [
    { zh: '在来电激增中识别每一件紧急诉求并转接', en: 'Spot every emergency in the surge and redirect it' },
    { zh: '2 小时类诉求 10 分钟内处置', en: 'Decide 2-hour cases within 10 minutes' },
    {
      zh: '多部门问题标明主办与协办单位',
      en: 'Mark lead and assisting units for problems that need several',
    },
  ],
  emphasis: ['emergencies-redirected', 'urgent-on-time', 'assisting-judgement'],
  scenario: 'summer-storm',
  difficulty: 'intermediate',
  seats: ['T1', 'T2', 'T3'],
  roles: { T1: 'dispatch', T2: 'dispatch', T3: 'dispatch' },
  // Assumed figures (training design): docs/ASSUMPTIONS.md, "The exercise library".
  script: [
    { kind: 'emergency-batch', atHours: 0.5, hours: 1.5, count: 6 },
    {
      kind: 'surge',
      atHours: 1,
      hours: 4,
      factor: 4,
      categories: ['waterlogging', 'power-supply'],
      districtId: '110111',
    },
    { kind: 'emergency-batch', atHours: 6, hours: 2, count: 6 },
  ],
};
