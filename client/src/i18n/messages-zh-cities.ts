import type { enCities } from './messages-en-cities';

/** The Chinese side of `enCities` (the same keys). */
export const zhCities: Record<keyof typeof enCities, string> = {
  // --- sidebyside ---
  compareModeCities: '三城对照',
  citiesTitle: '三城对照：按 VIOTE 五要素',
  citiesIntro:
    '每个城市运行其最新情景（{scenarios}）。逐一关闭该城市启用的每个杠杆（使用相同随机数），条形显示该杠杆的作用：原情景减去关闭该杠杆后的情景。',
  citiesHours: '每个情景最多运行（小时）',
  citiesRun: '对照三城',
  citiesFailed: '三城对照失败：{message}',
  citiesEmpty:
    '运行对照后，可按价值、制度、组织、技术、环境五要素查看各城市启用了哪些杠杆，以及每个杠杆对办事用时、跑动次数和满意度的作用。',
  citiesNone: '没有可对照的城市',
  citiesMissing: '{city}：情景 {scenario} 尚未内置，暂不参与对照。',
  citiesNote:
    '条形：杠杆的作用（开启 − 关闭）；横线：95% 置信区间；区间不含 0 时着色。办事用时以天计（热线：受理到办结的第 90 百分位；政务服务：件均办理天数）。跑动：件均跑动次数（热线：每单重复上门次数）。',
  citiesDriverEmpty: '没有城市启用此要素的杠杆。',
  citiesIdle: '未启用此要素杠杆的城市：{cities}',
  citiesCity: '城市',
  citiesLever: '杠杆（关闭 → 开启）',
  // --- livecity ---
  appTitleCity: '12345 热线 · 实时城市：{city}',
  mapAria: '{city}地图：诉求从发生地流向承办单位',
  mapDistricts: '地图上的区（{n} 个）',
  runCity: '城市',
  runCityTitle: '运行所在的城市：其区、街乡镇和社区',
  runCityOption: '{name} · {districts} 个区、{streets} 个街乡镇',
  citiesError: '无法加载城市列表：{message}',
  // --- matter calls ---
  appealMatter: '办事事项',
  matterQuestion: '咨询',
  matterComplaint: '投诉',
  matterOnline: '网上办理',
  matterCounter: '窗口办理',
  matterFacts: '{kind} · {channel} · 跑动 {visits} 次 · 提交材料 {materials} 份',
  matterBundle: '（一件事，共 {n} 个事项）',
  matterTag: '办事',
};
