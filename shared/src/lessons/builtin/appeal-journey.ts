import type { Lesson } from '../lesson-schema';

/** Lesson 1: one appeal's way through the hotline, 接诉 → 派单 → 办理 → 回访 → 三率. */
export const APPEAL_JOURNEY: Lesson = {
  id: 'appeal-journey',
  title: {
    zh: '一件诉求的旅程：接诉、派单、办理、回访、三率',
    en: "An appeal's journey: intake, dispatch, handling, callback, the three rates",
  },
  summary: {
    zh: '跟随北京一个工作日的诉求，从市民拨通 12345 到回访打分，看清三率是怎样算出来的。',
    en: 'Follow the appeals of one Beijing weekday from the call to 12345 to the callback rating, and see how the three rates are counted.',
  },
  steps: [
    {
      narration: {
        zh: '这是北京的一个工作日。每个点是一件诉求：市民拨打 12345，或在网站、微信、App 上留言。一天大约七万次来电，上午九到十一点、下午两到四点是两个高峰。',
        en: 'This is one weekday in Beijing. Each dot is an appeal: a citizen calls 12345 or writes on the web, WeChat or the app. About seventy thousand calls come in a day, peaking from nine to eleven in the morning and two to four in the afternoon.',
      },
      run: { scenario: 'beijing-weekday', speed: 60 },
      focus: { panel: 'map' },
    },
    {
      narration: {
        zh: '第一步是接诉。来电先排队等话务员；等得太久，有人会挂断。话务员按班次排班，高峰时座席最紧张。看看排队概率和放弃率。',
        en: 'The first step is intake. A call waits in a queue for an agent; if the wait is long, some callers hang up. Agents work in shifts, and the seats are tightest at the peaks. Look at the chance of waiting and the abandonment rate.',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '到目前为止，排队的来电中有多少比例在接通前挂断了？',
        en: 'So far, what share of callers hung up before an agent answered?',
      },
      answer: { kpi: 'abandonRate', at: 'now' },
    },
    {
      narration: {
        zh: '第二步是派单。能当场答复的咨询，话务员直接答复；其余的按派单目录生成工单，直派给街乡、部门或水电气热企业。派错了，承办单位会退单，经审核后重新派发，诉求就多耽误一段时间。',
        en: 'The second step is dispatch. Questions the agent can answer are answered on the spot; the rest become work orders, sent by the dispatch catalogue straight to a street office, a city department or a utility. A misrouted order is returned by the unit, reviewed and sent again, and the appeal loses time.',
      },
      run: { speed: 300 },
      focus: { panel: 'queues' },
      question: {
        zh: '从来电到派出工单，平均用了多少分钟？',
        en: 'On average, how many minutes passed from the call to the dispatched order?',
      },
      answer: { kpi: 'meanMinutesToDispatch', at: 'now' },
    },
    {
      narration: {
        zh: '第三步是办理。承办单位签收后要及时联系市民，这就是响应；然后上门办理，在时限内办结：紧急诉求 2 小时，水电气热 24 小时，一般诉求 7 天，复杂诉求 15 天。人手紧的单位，工单排队更久，超时更多。',
        en: 'The third step is handling. After signing for the order the unit must contact the citizen promptly: that is the response. Then it does the work within the time limit: 2 hours for emergencies, 24 hours for water, power, gas and heating, 7 days for ordinary and 15 days for complex appeals. Where a unit is short of hands, orders wait longer and more run late.',
      },
      run: { speed: 1800 },
      focus: { panel: 'league' },
    },
    {
      narration: {
        zh: '第四步是回访。时限一到，热线回访市民：问题解决了没有？满意不满意？注意，问题没解决的市民更不愿意接回访电话，所以回访测得的比例会比实际情况好一些。',
        en: 'The fourth step is the callback. When the time limit is up, the hotline calls the citizen back: was the problem solved, and are you satisfied? Note that citizens whose problem was not solved pick up less often, so the callbacks measure a little better than the truth.',
      },
      run: { speed: 3600 },
      focus: { panel: 'appeals' },
    },
    {
      narration: {
        zh: '回访的结果就是三率：响应率看是否按时联系了市民，解决率看问题是否解决，满意率看市民是否满意。每个月，全市街乡按三率排名。三率要等第一批回访之后才有数。',
        en: 'The callbacks give the three rates: the response rate asks whether the citizen was contacted in time, the resolution rate whether the problem was solved, the satisfaction rate whether the citizen was satisfied. Every month all streets are ranked by them. The rates only appear after the first callbacks.',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '此刻全市的解决率是多少？',
        en: 'What is the city-wide resolution rate now?',
      },
      answer: { kpi: 'resolutionRate', at: 'now' },
    },
    {
      narration: {
        zh: '最后看排名。排在后面的街乡压力更大，会更快响应、更用心办理，但也要花更多时间写留痕材料。下一课我们看看考核的激励和副作用。',
        en: 'Finally, the league table. Streets near the bottom feel more pressure: they respond faster and work harder, but also spend more time on paperwork. The next lessons look at what the assessment encourages and what it costs.',
      },
      focus: { panel: 'league' },
      question: {
        zh: '从第六步到现在，满意率变化了多少个百分点？',
        en: 'By how many points has the satisfaction rate changed since step six?',
      },
      answer: { kpi: 'satisfactionRate', change: { fromStep: 5 } },
    },
  ],
};
