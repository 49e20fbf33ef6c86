import type { Lesson } from '../lesson-schema';

/** Lesson 3: the 三率 and the assessment, what they encourage and what they cost. */
export const ASSESSMENT: Lesson = {
  id: 'assessment',
  title: {
    zh: '三率与考核：激励及其副作用',
    en: 'The three rates and the assessment: incentives and side effects',
  },
  summary: {
    zh: '排名让基层更快响应、更用心办理，也带来留痕负担和刷分。调整考核权重和回访方式，看测得的三率和真实情况怎样分开；最后用“为什么变了”拆解改革的贡献。',
    en: 'Ranking makes units respond faster and work harder; it also brings paperwork and gaming. Change the weights and the callbacks, see the measured rates drift from what happened, and finish by splitting a reform into its parts with "why did it move".',
  },
  steps: [
    {
      narration: {
        zh: '这是 2019 年 10 月：每月按三率给街乡和部门排名，排名靠后的街乡列入治理类，退单要经审核。三率综合得分按权重相加：响应率、解决率、满意率。',
        en: 'This is October 2019: every month streets and departments are ranked by the three rates, the worst streets go on the governance list, and returned orders are reviewed. The score adds up the response, resolution and satisfaction rates by their weights.',
      },
      run: { scenario: 'stage-2019-10', speed: 3600 },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '排名带来压力：上个月排在末位的单位压力最大，会更快联系市民、更用心办事；列入治理类的街乡还能得到区里的增援。但压力也带来留痕材料：每单要多花时间拍照、写记录，这些时间不解决任何问题。',
        en: 'The ranking brings pressure: the units at the bottom last month feel it most, so they call citizens sooner and work more carefully, and streets on the governance list get help from their district. Pressure also brings paperwork: photos and records for every order, staff time that solves nothing.',
      },
      focus: { panel: 'league' },
      question: {
        zh: '此刻承办单位的工时中，留痕材料占多大比例？',
        en: "What share of the units' staff time goes to paperwork now?",
      },
      answer: { kpi: 'paperworkShare', at: 'now' },
    },
    {
      narration: {
        zh: '现在把考核的重心放到满意率上：满意率权重提高，解决率权重降低。满意率的压力超过一定程度，一部分单位会刷分：施压求好评、申请剔除“不合理诉求”、提前办结。',
        en: 'Now put the weight of the assessment on satisfaction: raise its weight and lower that of resolution. Beyond some pressure on satisfaction, some units start to game: pressing citizens for a good rating, asking to exclude appeals as unreasonable, closing orders early.',
      },
      run: {
        set: {
          'lifecycle.assessment.weights.satisfaction': 0.8,
          'lifecycle.assessment.weights.resolution': 0.1,
        },
      },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '刷分不会让问题真正解决，却会让测得的满意率好看。基层诚信越高，刷分越少。',
        en: 'Gaming does not solve problems, but it makes the measured satisfaction look better. The higher the integrity of the units, the less they game.',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '改变权重之后，刷分工单的比例变化了多少个百分点？',
        en: 'Since the weights changed, by how many points has the share of gamed orders changed?',
      },
      answer: { kpi: 'gamingShare', change: { fromStep: 2 } },
    },
    {
      narration: {
        zh: '再看回访。问题没解决的市民更少接回访电话。如果回访接通率降低，接通的多是问题解决了的人，测得的解决率和满意率反而更高。',
        en: 'Now the callbacks. Citizens whose problem was not solved answer the callback less often. If fewer callbacks get through, those reached are mostly people whose problem was solved, so the measured resolution and satisfaction rates go up.',
      },
      run: { set: { 'lifecycle.citizens.callbackReach': 0.5 } },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '讨论：一个指标被当成目标，它还能准确反映情况吗？怎样设计考核，既给压力又少副作用？',
        en: 'Discuss: once a measure becomes a target, does it still tell us what is happening? How would you design an assessment that presses without these side effects?',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '回访接通率降低之后，测得的满意率变化了多少个百分点？',
        en: 'Since fewer callbacks get through, by how many points has the measured satisfaction rate changed?',
      },
      answer: { kpi: 'satisfactionRate', change: { fromStep: 4 } },
    },
    {
      narration: {
        zh: '最后打开“对比”：比较 2019 年 1 月和 2019 年 10 月两个改革阶段，勾选“为什么变了”。瀑布图把解决率的变化拆成各组杠杆的贡献，加上交互项，合计等于总变化。哪一组贡献最大？',
        en: 'Finally open Compare: compare the January 2019 and October 2019 reform stages and tick "why did it move". The waterfall splits the change in the resolution rate into the contributions of each group of levers, plus an interaction term; together they add up to the whole change. Which group contributed most?',
      },
      focus: { panel: 'compare' },
    },
  ],
};
