import type { Lesson } from '../lesson-schema';

/**
 * Lesson 5: the three cities side by side through the five VIOTE drivers, read from the Compare
 * view's three-city comparison (each lever a city's latest scenario uses, switched off alone on common
 * random numbers), with Beijing running live to try one lever.
 */
export const VIOTE: Lesson = {
  id: 'viote',
  title: {
    zh: '三座城市与五个驱动因素',
    en: 'Three cities, five drivers',
  },
  summary: {
    zh: '把北京接诉即办、上海一网通办、浙江（杭州）最多跑一次放在一起，按价值、制度、组织、技术、环境五个驱动因素对照：每个城市用了哪些杠杆，每个杠杆对市民办成一件事的用时、跑动次数和满意度有多大作用。',
    en: "Beijing's handling on receipt, Shanghai's one network for all services and Zhejiang's (Hangzhou's) at most one trip side by side, through five drivers (value, institution, organization, technology, environment): which levers each city uses, and what each does to the time a citizen waits for a result, the visits it takes and satisfaction.",
  },
  steps: [
    {
      narration: {
        zh: '基层治理的数字化转型可以用五个驱动因素来读：价值（为了谁）、制度（依何规则）、组织（由谁来做）、技术（用何手段）、环境（为何变革）。三个案例：浙江最多跑一次（2016 年起）、上海一网通办（2018 年起）、北京接诉即办（2019 年起）。前两个是政务服务改革：市民为办一件事来找政府；北京是诉求响应改革：市民为一个问题打 12345。这个运行是 2024 年的北京。',
        en: "The digital transformation of grassroots governance can be read through five drivers: value (for whom), institution (by which rules), organization (by whom), technology (with what) and environment (why change). Three cases: Zhejiang's at most one trip (from 2016), Shanghai's one network for all services (from 2018), Beijing's handling on receipt (from 2019). The first two reform service delivery: citizens come to government for a matter. Beijing's reforms demand response: citizens call 12345 about a problem. This run is Beijing in 2024.",
      },
      run: { scenario: 'stage-2024', speed: 3600 },
      focus: { panel: 'levers' },
    },
    {
      narration: {
        zh: '打开“三城对照”，点击“对照三城”。每个城市运行自己的最新情景；模拟器把该城市启用的每个杠杆逐一关闭，其余不变，用相同的随机数比较。条形是杠杆的作用（开启减关闭），横线是 95% 置信区间。尚未内置的城市会列出来，暂不参与对照。',
        en: 'Open Three cities and press Compare the cities. Each city runs its own latest scenario; the simulator switches off each lever the city uses, one at a time, everything else unchanged, on the same random numbers. A bar is the lever’s effect (on minus off), its line the 95 % interval. A city whose scenario is not built in yet is listed and left out.',
      },
      focus: { panel: 'cities' },
    },
    {
      narration: {
        zh: '价值：为了谁。北京的接诉即办“每一个来电都算数”，价值体现在考核看什么：响应、解决、满意。上海的好差评、浙江的满意度调查也把市民的评价放到中心。看价值这一行：哪个城市有价值类杠杆在起作用？没有杠杆的城市，价值体现在哪里？',
        en: "Value: for whom. Beijing's handling on receipt counts every call; its value shows in what is assessed: response, resolution, satisfaction. Shanghai's good-and-bad reviews and Zhejiang's satisfaction surveys also put the citizen's judgement at the centre. Read the value row: which city has a value lever at work? Where a city has none, where does its value show?",
      },
      focus: { panel: 'cities' },
    },
    {
      narration: {
        zh: '制度：依何规则。北京：三率排名、治理类街乡名单、退单审核、每月一题政策。浙江：承诺时限和材料减半。上海：好差评结果公开并用于整改。比较制度这一行的条形：哪一项规则对满意度的作用最大，置信区间是否排除了 0？',
        en: 'Institution: by which rules. Beijing: the ranking on the three rates, the governance list, return review, the monthly-topic policies. Zhejiang: promised times and halved materials. Shanghai: reviews published and acted on. Compare the bars of the institution row: which rule does most for satisfaction, and does its interval exclude 0?',
      },
      focus: { panel: 'cities' },
    },
    {
      narration: {
        zh: '组织：由谁来做。北京：街乡吹哨、部门报到，热线+网格，首接负责。浙江：一窗受理，办事人不再在部门之间来回跑。上海：一件事一次办，后台围绕办事人的事情重新组织。哪座城市的组织类杠杆减少跑动次数最多？',
        en: "Organization: by whom. Beijing: the street whistle with departments reporting, hotline plus grid, the first receiver leads. Zhejiang: one window takes every matter, so applicants stop walking between departments. Shanghai: one thing, one go, the back office reorganised around the applicant's event. Whose organization levers cut visits most?",
      },
      focus: { panel: 'cities' },
    },
    {
      narration: {
        zh: '技术：用何手段。数据共享让数据多跑路、群众少跑腿：浙江的一证通办，上海的两个免于提交和免申即享，北京的数据共享与一网通办自助。看技术这一行：同一类技术在三座城市的作用一样大吗？为什么可能不同？上海和杭州办事人的咨询和投诉也打进 12345：少交材料（数据共享、材料减半），热线的排队也短一些。',
        en: "Technology: with what. Shared data travels instead of citizens: Zhejiang's one ID card suffices, Shanghai's no documents the government already holds and benefits granted from data, Beijing's data sharing and self-service. Read the technology row: does the same kind of technology do as much in all three cities? Why might it not? In Shanghai and Hangzhou applicants' questions and complaints also call 12345: fewer papers to bring (data sharing, materials halved), and the hotline's queue is shorter too.",
      },
      focus: { panel: 'cities' },
    },
    {
      narration: {
        zh: '环境：为何变革。需求越来越多、越来越多样。北京的未诉先办（热点发现、季节性预防、每月一题）在来电之前治理问题。回到北京的运行，关掉每月一题的政策，看满意率怎样变化。',
        en: "Environment: why change. Demand keeps growing and diversifying. Beijing's solving problems before anyone calls (hot spots, seasonal pre-emption, the monthly topic) acts before the calls come. Back in Beijing's run, remove the monthly-topic policies and watch the satisfaction rate.",
      },
      run: { set: { 'lifecycle.proactive.monthlyTopic.topicsInForce': 0 } },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '讨论：研究认为，上海以技术和制度为主，浙江以组织和制度为主，北京以组织和价值为主。模拟的对照支持这种说法吗？哪些杠杆的区间太宽，还不能下结论？需要更多重复次数吗？',
        en: 'Discuss: the study reads Shanghai as led by technology and institution, Zhejiang by organization and institution, Beijing by organization and value. Does the simulated comparison agree? Which levers have intervals too wide to conclude anything yet, and would more replications help?',
      },
      focus: { panel: 'cities' },
      question: {
        zh: '关掉每月一题的政策之后，满意率变化了多少个百分点？',
        en: 'Since the monthly-topic policies were removed, by how many points has the satisfaction rate changed?',
      },
      answer: { kpi: 'satisfactionRate', change: { fromStep: 6 } },
    },
  ],
};
