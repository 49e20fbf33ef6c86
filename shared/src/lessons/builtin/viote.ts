import type { Lesson } from '../lesson-schema';

/** Lesson 5: the three cities through the five VIOTE drivers (Beijing's model only, for now). */
export const VIOTE: Lesson = {
  id: 'viote',
  title: {
    zh: '三座城市与五个驱动因素',
    en: 'Three cities, five drivers',
  },
  summary: {
    zh: '用价值、制度、组织、技术、环境五个驱动因素，读北京接诉即办、浙江最多跑一次、上海一网通办。目前模拟器只有北京这座城市：浙江和上海的做法以杠杆的形式放在北京的模型里。',
    en: "Read Beijing's handling on receipt, Zhejiang's at most one trip and Shanghai's one network for all services through five drivers: value, institution, organization, technology and environment. For now the simulator has one city, Beijing: Zhejiang's and Shanghai's reforms appear as levers in Beijing's model.",
  },
  steps: [
    {
      narration: {
        zh: '基层治理的数字化转型可以用五个驱动因素来读：价值（为了谁）、制度（依何规则）、组织（由谁来做）、技术（用何手段）、环境（为何变革）。三个案例：北京接诉即办、浙江最多跑一次、上海一网通办。目前模拟器里只有北京；另外两地的核心做法，我们作为杠杆在北京的模型里打开。这个运行是 2019 年 10 月的北京。',
        en: "The digital transformation of grassroots governance can be read through five drivers: value (for whom), institution (by which rules), organization (by whom), technology (with what) and environment (why change). Three cases: Beijing's handling on receipt, Zhejiang's at most one trip, Shanghai's one network for all services. For now the simulator has only Beijing; we switch the other two cities' core ideas on as levers in Beijing's model. This run is Beijing in October 2019.",
      },
      run: { scenario: 'stage-2019-10', speed: 3600 },
      focus: { panel: 'levers' },
    },
    {
      narration: {
        zh: '价值：为了谁。以人民为中心，首先要有人认真办事。基层诚信越高，考核压力下刷分越少，测得的三率越接近真实。把诚信调高。',
        en: 'Value: for whom. Putting people first starts with units that do the work honestly. The higher their integrity, the less they game the rates under pressure, and the closer the measured rates are to the truth. Raise integrity.',
      },
      run: { set: { 'lifecycle.assessment.integrity': 0.95 } },
      focus: { panel: 'levers' },
    },
    {
      narration: {
        zh: '制度：依何规则。办理时限写在每张工单上。把一般诉求的时限从 7 天缩短到 4 天：人手不变，超时的工单更多，超时越久，问题越难解决、市民越不满意。',
        en: 'Institution: by which rules. Each order carries its time limit. Shorten the limit of ordinary appeals from 7 days to 4: with the same staff, more orders run late, and the later they are, the less often the problem is solved and the less satisfied the citizen.',
      },
      run: { set: { 'lifecycle.timeLimits.7d': 96 } },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '组织：由谁来做。打开热线+网格，让网格员巡查发现问题；吹哨报到覆盖所有街乡，部门到现场联合处置。',
        en: 'Organization: by whom. Switch on hotline plus grid, so grid workers find problems on patrol, and give every street the whistle, so departments come on site to solve problems together.',
      },
      run: { set: { 'lifecycle.grid.enabled': true, 'lifecycle.adoption.whistle.share': 1 } },
      focus: { panel: 'map' },
      question: {
        zh: '缩短时限之后，超时办结的比例变化了多少个百分点？',
        en: 'Since the limit was shortened, by how many points has the share of late orders changed?',
      },
      answer: { kpi: 'overdueRate', change: { fromStep: 2 } },
    },
    {
      narration: {
        zh: '技术：用何手段。浙江的最多跑一次：数据多跑路、群众少跑腿，错派、退单和重复来电减少。上海的一网通办：渠道合并、自助办理，更多咨询当场解答。再加上智能派单。',
        en: "Technology: with what. Zhejiang's at most one trip: data travels instead of citizens, so fewer orders are misrouted, returned or called in again. Shanghai's one network: merged channels and self-service, so more questions are answered on the spot. Add smart dispatch.",
      },
      run: {
        set: {
          'lifecycle.reforms.dataSharing': 0.8,
          'lifecycle.reforms.oneNetwork': 0.8,
          'lifecycle.dispatch.mode': 'smart',
        },
      },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '环境：为何变革。需求越来越多、越来越多样，只靠接诉跟不上。打开热点发现：同一街乡同类诉求集中时主动治理，减少后续来电。',
        en: 'Environment: why change. Demand keeps growing and diversifying, and reacting to calls alone cannot keep up. Switch on hot-spot detection: when one problem recurs in one street, a proactive task cuts the calls that would follow.',
      },
      run: { set: { 'lifecycle.proactive.hotSpots.enabled': true } },
      focus: { panel: 'shift' },
      question: {
        zh: '打开数据共享和一网通办之后，退单率变化了多少个百分点？',
        en: 'Since data sharing and one network came on, by how many points has the return rate changed?',
      },
      answer: { kpi: 'returnRate', change: { fromStep: 4 } },
    },
    {
      narration: {
        zh: '讨论：哪一个驱动因素对三率影响最大？用“对比”比较 2019 年 10 月和 2024 年两个改革阶段，勾选“为什么变了”，瀑布图按驱动因素拆分变化。等模拟器有了浙江和上海，我们再把三座城市放在一起比较。',
        en: 'Discuss: which driver moves the three rates most? In Compare, compare the October 2019 and 2024 reform stages with "why did it move" ticked: the waterfall splits the change by driver. Once the simulator has Zhejiang and Shanghai, we will compare the three cities side by side.',
      },
      focus: { panel: 'compare' },
      question: {
        zh: '此刻的解决率是多少？',
        en: 'What is the resolution rate now?',
      },
      answer: { kpi: 'resolutionRate', at: 'now' },
    },
  ],
};
