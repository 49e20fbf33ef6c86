import type { Lesson } from '../lesson-schema';

/** Lesson 4: from 接诉即办 to 未诉先办 on the reform timeline (2018 → 2024). */
export const FROM_RECEIPT_TO_PREVENTION: Lesson = {
  id: 'reform-timeline',
  title: {
    zh: '从接诉即办到未诉先办',
    en: 'From handling on receipt to solving before the call',
  },
  summary: {
    zh: '在 2018 到 2024 年的改革时间线上，看工单从“市民来电才办”转向“主动发现、提前治理”。',
    en: 'On the reform timeline from 2018 to 2024, watch the work shift from orders that start with a citizen’s call to problems found and solved before anyone calls.',
  },
  steps: [
    {
      narration: {
        zh: '北京的改革分三个阶段：2018 年吹哨报到，2019 年接诉即办，2021 年起主动治理、未诉先办。这个运行从 2018 年走到 2024 年，每个时期抽样一段时间代表整个时期，每项改革在它的日期开启。',
        en: 'Beijing’s reform came in three stages: the whistle in 2018, handling on receipt in 2019, and from 2021 proactive governance, solving problems before anyone calls. This run goes from 2018 to 2024; each period is sampled and stands for the whole period, and each reform switches on at its date.',
      },
      run: { scenario: 'reform-timeline', speed: 5000 },
      focus: { panel: 'shift' },
    },
    {
      narration: {
        zh: '开始时，几乎每张工单都从市民来电开始：有人打电话，才有人去办。这叫接诉，是被动的。看看主动治理所占的比例。',
        en: 'At first, nearly every work order starts with a citizen’s call: someone has to call before anyone acts. That is reactive work. Look at the proactive share.',
      },
      focus: { panel: 'shift' },
      question: {
        zh: '此刻主动治理工单占全部工单的比例是多少？',
        en: 'What share of all work is proactive now?',
      },
      answer: { kpi: 'proactiveShare', at: 'now' },
    },
    {
      narration: {
        zh: '2019 年 1 月起，工单直派街乡，不再经区里转派；10 月起每月按三率排名。来电量逐年上升：2019 年约 696 万次，2020 年 1104 万次，2023 年 2143 万次。需求在变，这是改革的环境。',
        en: 'From January 2019 orders go straight to the streets instead of through the districts, and from October the three rates are ranked every month. Calls rise year after year: about 6.96 million in 2019, 11.04 million in 2020, 21.43 million in 2023. Demand keeps changing: that is the environment of the reform.',
      },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '2021 年起，主动治理成为政策：同一街乡同类诉求集中出现时，主动立项治理；每月一题由市级部门牵头治理一个高频问题，政策出台后持续减少这类问题；热线+网格让网格员巡查时发现问题，进入同一派单流程。',
        en: 'From 2021 proactive governance is policy: when one problem keeps coming from one street, a proactive task is opened; each month a city department leads a campaign on one frequent problem, and its policies keep cutting that problem afterwards; with hotline plus grid, grid workers find problems on patrol and send them into the same dispatch.',
      },
      focus: { panel: 'shift' },
    },
    {
      narration: {
        zh: '看图上的变化：接诉工单之外，主动治理任务和网格发现越来越多，一部分诉求还没打进来，问题就已经解决了。这就是从接诉即办到未诉先办。',
        en: 'Watch the chart: beside the reactive orders, proactive tasks and grid discoveries grow, and some appeals never come because the problem was solved first. That is the shift from handling on receipt to solving before the call.',
      },
      focus: { panel: 'shift' },
      question: {
        zh: '从第二步到现在，主动治理的比例上升了多少个百分点？',
        en: 'By how many points has the proactive share risen since step two?',
      },
      answer: { kpi: 'proactiveShare', change: { fromStep: 1 } },
    },
    {
      narration: {
        zh: '讨论：未诉先办减少了来电，也需要人手去巡查、去治理。基层的时间从哪里来？主动治理的成效应该怎样考核？',
        en: 'Discuss: solving problems before the call means fewer calls, but patrols and campaigns need people too. Where does the time come from? How should proactive work be assessed?',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '到目前为止，有多少件诉求因为问题被提前解决而没有打进来？',
        en: 'So far, how many appeals never came because the problem was solved first?',
      },
      answer: { kpi: 'appealsAvoided', at: 'now' },
    },
  ],
};
