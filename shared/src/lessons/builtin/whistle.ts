import type { Lesson } from '../lesson-schema';

/** Lesson 2: 街乡吹哨、部门报到, from the 2018 pilot to every street. */
export const WHISTLE: Lesson = {
  id: 'whistle',
  title: {
    zh: '街乡吹哨、部门报到',
    en: 'The street blows the whistle, departments report',
  },
  summary: {
    zh: '街乡管得着却看不见、部门看得见却管不着：吹哨报到让部门到现场联合处置。先在一半街乡试点，再推广到全市，再调整报到时限。',
    en: 'Streets see problems they have no power over; departments have the power but are not there. The whistle brings departments on site. Start with the pilot in half the streets, roll it out, then change the report limit.',
  },
  steps: [
    {
      narration: {
        zh: '2018 年，平谷区的乡镇面对盗采金矿这类问题，自己没有执法权，部门又不在现场。于是乡镇“吹哨”，相关部门必须在 30 分钟内“报到”，事不完人不撤。这个运行是 2019 年 1 月：约一半街乡（试点的 169 个）可以吹哨。',
        en: "In 2018, townships in Pinggu faced problems such as illegal gold mining that they had no power to stop, while the departments that had the power were not on site. So the township 'blows the whistle' and the departments must 'report' on site within 30 minutes and stay until the job is done. This run is January 2019: about half the streets (the 169 of the pilot) can blow the whistle.",
      },
      run: { scenario: 'stage-2019-01', speed: 1800 },
      focus: { panel: 'map', district: '110117' },
    },
    {
      narration: {
        zh: '一件跨部门的难题来到街乡：能吹哨的街乡召集部门。区级所队从区政府驻地开车过来，远郊乡镇要等得更久；同时在办的报到越多，下一次就来得越慢。街乡现场联合处置只持续一段时间，迟到的部门赶不上，问题就更难解决。',
        en: 'A cross-department problem reaches a street: a street that can blow the whistle summons the departments. District offices drive from the district seat, so remote townships wait longer; an office already on several reports comes more slowly. The joint handling on site lasts only so long, and a department that arrives late misses it, so the problem is less often solved.',
      },
      run: { speed: 3600 },
      focus: { panel: 'kpis' },
      question: {
        zh: '到目前为止，部门按时报到的比例是多少？',
        en: 'So far, what share of department reports arrived within the limit?',
      },
      answer: { kpi: 'whistleOnTimeRate', at: 'now' },
    },
    {
      narration: {
        zh: '现在把吹哨报到推广到全市所有街乡。没有吹哨的街乡，跨部门难题往往只能来回推；有了吹哨，部门被召到现场。注意看解决率。',
        en: 'Now roll the whistle out to every street in the city. Without it, a cross-department problem tends to bounce between units; with it, the departments are called to the site. Watch the resolution rate.',
      },
      run: { set: { 'lifecycle.adoption.whistle.share': 1 } },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '又过了一段时间。三率是从运行开始累计的，所以变化看起来不大，但方向说明了问题。',
        en: 'Some time has passed. The rates are counted from the start of the run, so the change looks small, but its direction tells the story.',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '推广到全市之后，解决率变化了多少个百分点？',
        en: 'Since the roll-out, by how many points has the resolution rate changed?',
      },
      answer: { kpi: 'resolutionRate', change: { fromStep: 2 } },
    },
    {
      narration: {
        zh: '报到时限是街乡考核部门的标准。把时限从 30 分钟放宽到 120 分钟：部门不再那么赶，到场更慢，赶上现场联合处置的更少。',
        en: 'The report limit is what streets hold departments to when they assess them. Loosen it from 30 to 120 minutes: departments hurry less, arrive later, and fewer make the joint handling on site.',
      },
      run: { set: { 'lifecycle.whistle.reportLimitMinutes': 120 } },
      focus: { panel: 'kpis' },
    },
    {
      narration: {
        zh: '讨论：吹哨次数多了，部门疲于奔命，所队负荷越重来得越慢。吹哨是不是越多越好？什么样的问题才应该吹哨？',
        en: 'Discuss: with many whistles, departments are stretched thin, and a busy office arrives later. Is more whistling always better? Which problems deserve a whistle?',
      },
      focus: { panel: 'kpis' },
      question: {
        zh: '放宽时限之后，部门平均报到用时变化了多少分钟？',
        en: 'Since the limit was loosened, by how many minutes has the mean report time changed?',
      },
      answer: { kpi: 'meanReportMinutes', change: { fromStep: 4 } },
    },
  ],
};
