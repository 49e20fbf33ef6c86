import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import beijingWeekday from './beijing-weekday.json';
import beijingWeekdayIntake from './beijing-weekday-intake.json';
import mmc from './mmc.json';
import { HANGZHOU_DESCRIPTIONS_ZH, HANGZHOU_SCENARIOS } from './hangzhou';
import { HELD_OUT } from './hold-out';
import { REFORM_STAGES } from './reform-stages';
import { REFORM_TIMELINE, REFORM_TIMELINE_ZH } from './reform-timeline';
import { SEASONAL_EVENTS } from './seasonal-events';
import { SHANGHAI_DESCRIPTIONS_ZH, SHANGHAI_SCENARIOS } from './shanghai';

/** Built-in scenarios, runnable by name; their JSON files double as examples to copy. */
const BUILT_IN: Record<string, unknown> = {
  mmc,
  'beijing-weekday': beijingWeekday,
  ...REFORM_STAGES,
  'reform-timeline': REFORM_TIMELINE,
  ...SEASONAL_EVENTS,
  'beijing-weekday-intake': beijingWeekdayIntake,
  ...Object.fromEntries(HELD_OUT.map((p) => [p.scenario.name, p.scenario])),
  ...HANGZHOU_SCENARIOS,
  ...SHANGHAI_SCENARIOS,
};

/** Names of the built-in scenarios. */
export const builtInScenarioNames: readonly string[] = Object.keys(BUILT_IN);

/**
 * Chinese descriptions of the built-in scenarios (their JSON/TS descriptions are English), with the
 * terms of DOMAIN.md; the dashboard shows them when it is in Chinese. One entry per built-in name.
 */
export const BUILT_IN_DESCRIPTIONS_ZH: Record<string, string> = {
  mmc: '排队论校验用的 M/M/c 热线受理模型：每小时 2,700 个来电、50 名话务员，通话时长和放弃前的耐心时间均服从指数分布（均值 1 分钟和 2 分钟），全部直接答复、不派单；运行 500 小时（前 5 小时为预热），结果可与 Erlang 公式对照。',
  'beijing-weekday':
    '2025 年北京一个工作日：约 7 万次来电诉求进入 12345，上午 9-11 时和下午 14-16 时两个高峰，话务员按班次排班（最多 750 个座席），采用 2024 年改革阶段的全部杠杆（智能派单、吹哨报到、考核、热线+网格、未诉先办、数据共享、一网通办）。到达率为潜在需求，一网通办和主动治理会提前化解约五分之一；当天之后工单继续办理，直至各自 15 天的办理时限。',
  'stage-2019-01':
    '改革阶段 2019 年 1 月：接诉即办启动，工单直派街乡，已有吹哨报到和督办，但尚无三率排名、治理类街乡名单和退单审核。与另两个改革阶段共用 2019 年的需求（每天约 19,000 次来电）和受理设置，只有政策杠杆不同，运行一周。',
  'stage-2019-10':
    '改革阶段 2019 年 10 月：在直派街乡之上加入每月三率排名、治理类街乡名单和退单审核，数据共享与一网通办起步。需求与受理设置同其他改革阶段，运行一周。',
  'stage-2024':
    '改革阶段 2024 年 9 月：智能派单、热线+网格、未诉先办（热点预警、季节性预防、每月一题），数据共享和一网通办大幅推进，并保留三率排名、治理类名单与退单审核。需求与受理设置同其他改革阶段，运行一周。',
  'reform-timeline': REFORM_TIMELINE_ZH,
  'heating-season':
    '供暖季 11 月 15 日开始：从 2025 年 11 月 14 日起运行三天，城市、需求和 2024 年杠杆同北京工作日情景。供暖类诉求在供暖季第一周按目录设定增至三倍，无需注入事件；季节性主动治理（夏季提前检修）已开启。',
  'summer-storm':
    '2023 年 7 月 29 日至 8 月 1 日特大暴雨（来电量未公开，激增幅度为假设）：房山区的积水、供电、供水、市政设施和树木倒伏类诉求连续两天增至五倍，供电企业不堪重负（其办理中断 12 小时）；其余同北京工作日情景，运行三天。',
  'beijing-weekday-intake':
    '2025 年工作日的 12345 热线受理环节：约 7 万次来电，高峰在 9-11 时和 14-16 时；480 名话务员在岗，通话时长服从均值 5.3 分钟的对数正态分布，耐心时间服从均值 3 分钟的指数分布（假设值）。只模拟受理，不派单，因此没有三率。',
  'holdout-2020-03':
    '验证用（不参与校准）2020 年 3 月：2019 年 10 月的杠杆，数据共享与一网通办稍有推进；需求为 2020 年的诉求结构（疫情防控约占 9.8 %）。对照 2020 年涉疫诉求解决率 94.3 %、满意率 94.1 %（用模型中疫情防控类诉求的回访结果代替），运行一周。',
  'holdout-2021-11':
    '验证用（不参与校准）2021 年 11 月：2019 年 10 月的全部杠杆加上每月一题第一年（假设已有一半议题的政策生效）；未诉先办尚未成为政策。对照营商环境热线截至 2021 年底的响应率 99.7 %、解决率 92.3 %、满意率 94.5 %（模型没有单独的企业诉求，用全市三率代替）。',
  'holdout-2022-12':
    '验证用（不参与校准）2022 年 12 月：未诉先办（热点、季节性预防、44 个每月一题议题的政策）、热线+网格、智能派单；对照 2022 年底解决率 94 %、满意率 95 %。需求仍为 2019 年水平，运行一周。',
  'holdout-2025':
    '验证用（不参与校准）2025 年：2024 年的杠杆，75 个每月一题议题的政策生效，数据共享与一网通办接近完成；对照 2025 年解决率 97.3 %、满意率 97.7 %。需求仍为 2019 年水平，运行一周。',
  ...HANGZHOU_DESCRIPTIONS_ZH,
  ...SHANGHAI_DESCRIPTIONS_ZH,
};

/** A built-in scenario by name, validated; undefined when there is no such scenario. */
export function builtInScenario(name: string): Scenario | undefined {
  // Own names only: 'constructor' or 'toString' are not scenarios.
  const raw = Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
  return raw === undefined ? undefined : validateScenario(raw, `built-in scenario "${name}"`);
}

export { REFORM_STAGES, STAGE_LEVERS, STAGE_TARGETS, type StageName } from './reform-stages';
export { REFORM_TIMELINE, SAMPLE_SHARE, CONTACTS_PER_DAY } from './reform-timeline';
export { HELD_OUT, type HeldOutFigure, type HeldOutPeriod } from './hold-out';
export { MATTER_CONTACT_SHARE } from './service-city';
