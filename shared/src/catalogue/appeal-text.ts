/**
 * Appeal texts in the voice of real 12345 work orders ("市民来电反映：……，希望相关部门尽快处理。"),
 * with an English gloss of each template for the English UI.
 *
 * Templates use placeholders in braces. Place: `{district}`, `{street}`, `{community}` (the caller's
 * names, e.g. 朝阳区 / 望京街道 / 望花路东里社区). Details drawn from the rng: `{building}` (building
 * number), `{floor}`, `{days}`, `{months}`, `{time}` (a daytime hour), `{night}` (a late hour),
 * `{amount}` (yuan), `{people}`.
 */
import type { Rng } from '../random/rng';
import type { CategoryId } from './categories';
import { isCategoryId } from './categories';

/** Where the appeal comes from, as names in the language being rendered. */
export interface AppealPlace {
  readonly district: string;
  readonly street: string;
  readonly community: string;
  /** A village (村): rural wording, no building numbers, stairwells, lifts or radiators. */
  readonly rural?: boolean;
}

/** One template: the Chinese work-order text and its English gloss, with the same placeholders. */
export interface AppealTemplate {
  readonly zh: string;
  readonly en: string;
}

/** The placeholders a template may use. */
export const APPEAL_PLACEHOLDERS = [
  'district',
  'street',
  'community',
  'building',
  'floor',
  'days',
  'months',
  'time',
  'night',
  'amount',
  'people',
] as const;

/** A placeholder name. */
export type AppealPlaceholder = (typeof APPEAL_PLACEHOLDERS)[number];

/** At least three templates for every category of the built-in catalogue. */
export const APPEAL_TEMPLATES: Record<CategoryId, readonly AppealTemplate[]> = {
  'epidemic-prevention': [
    {
      zh: '市民来电咨询：本人近期计划从外地返回{district}{street}{community}居住，想了解目前的防控政策和需要办理的手续，希望给予答复。',
      en: 'Caller asks: plans to return from outside Beijing to {community}, {street}, {district}; wants to know the current prevention rules and what must be done.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼有居家观察人员，已经{days}天无人上门联系，希望社区尽快落实相关防控措施。',
      en: 'Caller reports: a person under home observation in Building {building}, {community}, {street}, {district} has not been contacted for {days} days; asks the community to apply the prevention measures.',
    },
    {
      zh: '来电人反映：{district}{street}{community}门口的核酸检测点{time}排队人员聚集、间距过近，存在防疫隐患，希望相关部门加强管理。',
      en: 'Caller reports: at the testing point outside {community}, {street}, {district}, the queue at {time} is crowded with no distancing; asks for better management.',
    },
  ],
  'medical-services': [
    {
      zh: '市民来电反映：其家人在{district}一家医院就诊时，医生态度恶劣、检查未作解释，希望相关部门核实处理。',
      en: "Caller reports: at a hospital in {district}, a doctor was rude to the caller's relative and explained none of the tests; asks for an investigation.",
    },
    {
      zh: '来电人反映：{district}{street}{community}附近的社区卫生服务站{time}经常无人值守，居民看病、开药不便，希望尽快解决。',
      en: 'Caller reports: the community health station near {community}, {street}, {district} is often unstaffed at {time}, so residents cannot see a doctor or get medicine.',
    },
    {
      zh: '市民来电咨询：居住在{district}{street}{community}，家中老人行动不便，想了解如何办理家庭医生签约及上门服务，希望给予答复。',
      en: 'Caller asks: lives in {community}, {street}, {district} with an elderly relative who cannot get out; how to sign up for a family doctor and home visits.',
    },
  ],
  'medical-insurance': [
    {
      zh: '市民来电咨询：在{district}{street}工作，异地就医的医疗费用已垫付{amount}元，想了解报销流程和所需材料。',
      en: 'Caller asks: works in {street}, {district}, paid {amount} yuan for treatment outside Beijing; how to claim reimbursement and which documents are needed.',
    },
    {
      zh: '来电人反映：在{district}{street}一家定点药店刷医保卡时，被告知卡已冻结，至今{days}天无人处理，希望相关部门尽快解决。',
      en: "Caller reports: at a designated pharmacy in {street}, {district} the caller's insurance card was found frozen; nobody has dealt with it for {days} days.",
    },
    {
      zh: '市民来电咨询：本人居住在{district}{street}{community}，刚办理退休手续，想了解退休后医保待遇如何变更。',
      en: 'Caller asks: lives in {community}, {street}, {district} and has just retired; how do medical insurance benefits change after retirement?',
    },
  ],
  'unlicensed-trading': [
    {
      zh: '市民来电反映：{district}{street}{community}门口每天{time}左右有多名游商占道摆摊，影响行人通行，希望相关部门尽快处理。',
      en: 'Caller reports: every day around {time}, several street vendors set up stalls on the pavement outside {community}, {street}, {district}, blocking pedestrians.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼底商有一家餐馆未取得营业执照就开门营业，已经持续{days}天，希望相关部门核实查处。',
      en: 'Caller reports: a restaurant on the ground floor of Building {building}, {community}, {street}, {district} has been trading without a licence for {days} days.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近路口晚上有人摆摊卖烧烤，一直经营到{night}，油烟和垃圾严重，希望尽快整治。',
      en: 'Caller reports: a barbecue stall at a crossing near {community}, {street}, {district} trades until {night}, leaving smoke and rubbish.',
    },
  ],
  'consumer-disputes': [
    {
      zh: '市民来电反映：其在{district}{street}一家健身房办理预付卡，充值{amount}元，现商家闭店失联，要求退费，希望相关部门协调处理。',
      en: 'Caller reports: topped up a prepaid card with {amount} yuan at a gym in {street}, {district}; the gym has closed and cannot be reached; wants a refund.',
    },
    {
      zh: '来电人反映：在{district}{street}{community}附近一家超市购买的家电出现质量问题，商家拒绝退换，已经协商{days}天未果，希望相关部门介入。',
      en: 'Caller reports: an appliance bought at a supermarket near {community}, {street}, {district} is faulty; the shop refuses to exchange it after {days} days of talks.',
    },
    {
      zh: '市民来电反映：{district}{street}一家教育机构承诺可以随时退费，现申请退还剩余课时费{amount}元遭拒，希望维护消费者权益。',
      en: 'Caller reports: a course provider in {street}, {district} promised refunds at any time but refuses to return the remaining {amount} yuan.',
    },
  ],
  'food-safety': [
    {
      zh: '市民来电反映：在{district}{street}{community}附近一家餐馆就餐后出现腹泻症状，怀疑食材不新鲜，希望相关部门检查。',
      en: 'Caller reports: fell ill with diarrhoea after eating at a restaurant near {community}, {street}, {district}; suspects stale ingredients; asks for an inspection.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼底商的超市销售过期食品，已向店家反映{days}天未见整改，希望相关部门查处。',
      en: 'Caller reports: the shop under Building {building}, {community}, {street}, {district} sells expired food and has done nothing in the {days} days since the caller complained.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}门口有一家小吃店后厨卫生条件差，员工未戴口罩和手套，希望相关部门检查。',
      en: 'Caller reports: a snack bar outside {community}, {street}, {district} has a dirty kitchen and staff without masks or gloves.',
    },
  ],
  heating: [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼{floor}层家中暖气不热，室温只有十几度，已持续{days}天，希望供热单位尽快处理。',
      en: 'Caller reports: the radiators on floor {floor}, Building {building}, {community}, {street}, {district} have been barely warm for {days} days; the room is only about 15 °C.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼暖气管道漏水，{time}至今仍未维修，家中老人怕冷，希望尽快解决。',
      en: 'Caller reports: a heating pipe in Building {building}, {community}, {street}, {district} has leaked since {time} and is still not repaired; elderly people at home are cold.',
    },
    {
      zh: '市民来电咨询：居住在{district}{street}{community}，已经缴纳采暖费{amount}元，但家中暖气一直不热，想了解供暖温度标准以及是否可以退费。',
      en: 'Caller asks: lives in {community}, {street}, {district}, paid {amount} yuan heating fee but the flat stays cold; what is the temperature standard and can the fee be refunded?',
    },
    {
      zh: '市民来电反映：{district}{street}{community}至今仍未开始供暖，{building}号楼多户居民家中温度很低，希望相关部门协调尽快供暖。',
      en: 'Caller reports: heating has still not started in {community}, {street}, {district}; many flats in Building {building} are very cold.',
    },
  ],
  'public-transport': [
    {
      zh: '市民来电反映：{district}{street}{community}附近的公交站{time}前后车辆间隔过长，经常等车超过半小时，希望增加班次。',
      en: 'Caller reports: around {time} buses at the stop near {community}, {street}, {district} come so rarely that waits exceed half an hour; asks for more buses.',
    },
    {
      zh: '来电人反映：在{district}{street}乘坐出租车时司机拒载并绕路，多收费用，希望相关部门核实处理。',
      en: 'Caller reports: a taxi driver in {street}, {district} first refused the fare, then took a detour and overcharged.',
    },
    {
      zh: '市民来电建议：{district}{street}{community}居民出行需步行较远才能到达地铁站，希望开通社区接驳公交线路。',
      en: 'Caller suggests: residents of {community}, {street}, {district} walk far to the metro; asks for a feeder bus line.',
    },
  ],
  'water-supply': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼从{time}开始停水，至今没有接到任何通知，希望供水单位尽快恢复供水。',
      en: 'Caller reports: Building {building}, {community}, {street}, {district} has had no water since {time}, with no notice given.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼{floor}层水压过低，已经持续{days}天，用水高峰时基本无水，希望尽快解决。',
      en: 'Caller reports: water pressure on floor {floor}, Building {building}, {community}, {street}, {district} has been too low for {days} days; almost no water at peak times.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}自来水发黄、有异味，已经{days}天，担心影响健康，希望相关单位检测处理。',
      en: 'Caller reports: tap water in {community}, {street}, {district} has been yellow and smelly for {days} days; asks for testing.',
    },
  ],
  'power-supply': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼从{time}起停电，没有提前通知，家中冰箱食物受影响，希望尽快恢复供电。',
      en: 'Caller reports: Building {building}, {community}, {street}, {district} has had no power since {time}, without notice; food in the fridge is spoiling.',
    },
    {
      zh: '来电人反映：{district}{street}{community}近{days}天频繁停电跳闸，电压不稳，家电已经损坏，希望供电部门检修。',
      en: 'Caller reports: for {days} days {community}, {street}, {district} has had frequent cuts and unstable voltage; appliances were damaged.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼楼道电表箱门损坏，电线裸露，存在安全隐患，希望尽快维修。',
      en: 'Caller reports: the meter box door in the stairwell of Building {building}, {community}, {street}, {district} is broken and wires are exposed.',
    },
  ],
  'gas-supply': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼{floor}层楼道内有燃气异味，已持续{days}天，担心存在泄漏隐患，希望燃气公司尽快上门检查。',
      en: 'Caller reports: a smell of gas on the floor {floor} landing of Building {building}, {community}, {street}, {district} for {days} days; fears a leak.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼燃气已经停了{days}天，无法做饭，希望相关单位尽快恢复供气。',
      en: 'Caller reports: Building {building}, {community}, {street}, {district} has had no gas for {days} days and residents cannot cook.',
    },
    {
      zh: '市民来电反映：居住在{district}{street}{community}，燃气表显示余额充足却无法点火，客服电话一直打不通，希望尽快处理。',
      en: "Caller reports: lives in {community}, {street}, {district}; the gas meter shows credit but the stove won't light, and the service line never answers.",
    },
  ],
  'property-management': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼电梯经常故障停运，家住{floor}层，老人上下楼困难，物业一直未维修，希望尽快解决。',
      en: 'Caller reports: the lift in Building {building}, {community}, {street}, {district} keeps breaking down; the caller lives on floor {floor} and the property company does not repair it.',
    },
    {
      zh: '来电人反映：{district}{street}{community}物业公司服务不到位，楼道垃圾{days}天无人清理，门禁损坏也无人修，希望相关部门督促整改。',
      en: 'Caller reports: the property company of {community}, {street}, {district} has left stairwell rubbish for {days} days and the broken entry gate unrepaired.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}物业公司在未经业主同意的情况下上调物业费，希望相关部门核实处理。',
      en: "Caller reports: the property company of {community}, {street}, {district} raised the service fee without the owners' consent.",
    },
  ],
  'group-rental': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼{floor}层一套房屋被隔成多个小间出租，住了约{people}人，存在安全隐患，希望相关部门尽快查处。',
      en: 'Caller reports: a flat on floor {floor}, Building {building}, {community}, {street}, {district} is partitioned into small rooms housing about {people} people; a safety risk.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼有群租房，住户经常{night}还大声喧哗，楼道堆满杂物，希望相关部门处理。',
      en: 'Caller reports: a group rental in Building {building}, {community}, {street}, {district}; tenants are loud until {night} and fill the stairwell with clutter.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}一处地下室被改造成群租房，住着{people}人左右，私拉电线，希望相关部门尽快整治。',
      en: 'Caller reports: a basement in {community}, {street}, {district} has been turned into a group rental for about {people} people, with improvised wiring.',
    },
  ],
  'real-estate': [
    {
      zh: '市民来电反映：其在{district}{street}购买的商品房已交房{months}个月，至今无法办理不动产权证，希望相关部门协调解决。',
      en: 'Caller reports: a new flat bought in {street}, {district} was handed over {months} months ago, but the property deed still cannot be issued.',
    },
    {
      zh: '来电人反映：通过{district}{street}一家房产中介租房，退租时押金{amount}元被中介以各种理由扣留，希望相关部门处理。',
      en: 'Caller reports: an estate agency in {street}, {district} is withholding a {amount} yuan deposit after the lease ended.',
    },
    {
      zh: '市民来电咨询：想在{district}{street}{community}购买二手房，想了解购房资格和办理流程，希望给予答复。',
      en: 'Caller asks: wants to buy a second-hand flat in {community}, {street}, {district}; who is eligible and what is the procedure?',
    },
  ],
  'illegal-construction': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼一层住户私自在楼前圈占绿地搭建房屋，已施工{days}天，希望相关部门尽快查处。',
      en: 'Caller reports: a ground-floor resident of Building {building}, {community}, {street}, {district} has fenced off green space and has been building on it for {days} days.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼顶层住户在楼顶违规加盖彩钢房，影响楼体安全，希望相关部门拆除。',
      en: 'Caller reports: a top-floor resident of Building {building}, {community}, {street}, {district} has added a steel shed on the roof, endangering the building.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}有人在小区公共区域私搭乱建，占用消防通道，希望相关部门依法处理。',
      en: 'Caller reports: someone has put up structures in the common area of {community}, {street}, {district}, blocking the fire lane.',
    },
  ],
  'construction-noise': [
    {
      zh: '市民来电反映：{district}{street}{community}旁边的工地每天施工到{night}，噪音很大，严重影响休息，希望相关部门尽快处理。',
      en: 'Caller reports: the building site next to {community}, {street}, {district} works until {night} every day; the noise stops residents sleeping.',
    },
    {
      zh: '来电人反映：{district}{street}{community}附近工地近{days}天夜间施工，渣土车进出频繁，扬尘严重，希望相关部门核实是否办理夜间施工许可。',
      en: 'Caller reports: for {days} days a site near {community}, {street}, {district} has worked at night with muck trucks and dust; asks whether it has a night-work permit.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼有住户装修，每天{time}开始电钻施工，周末也不停，希望相关部门协调。',
      en: 'Caller reports: a renovation in Building {building}, {community}, {street}, {district} starts drilling at {time} every day, weekends included.',
    },
  ],
  'municipal-facilities': [
    {
      zh: '市民来电反映：{district}{street}{community}门前道路的路灯已经坏了{days}天，晚上一片漆黑，居民出行不安全，希望尽快维修。',
      en: 'Caller reports: the street lights outside {community}, {street}, {district} have been out for {days} days; the road is pitch dark at night.',
    },
    {
      zh: '来电人反映：{district}{street}{community}东侧路口有一个井盖缺失，存在安全隐患，希望相关部门尽快处理。',
      en: 'Caller reports: a manhole cover is missing at the crossing east of {community}, {street}, {district}.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近道路路面坑洼不平，雨后积水，已经{days}天无人修补，希望尽快维修。',
      en: 'Caller reports: the road near {community}, {street}, {district} is full of potholes that fill with rain; unrepaired for {days} days.',
    },
  ],
  'illegal-parking': [
    {
      zh: '市民来电反映：{district}{street}{community}门口每天{time}左右有大量车辆违章停放，堵塞消防通道，希望相关部门加强管理。',
      en: 'Caller reports: around {time} every day many cars park illegally outside {community}, {street}, {district}, blocking the fire lane.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼下有一辆僵尸车停放已经{months}个月，占用车位，希望相关部门拖移处理。',
      en: 'Caller reports: an abandoned car has stood below Building {building}, {community}, {street}, {district} for {months} months; asks for it to be towed.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近道路两侧机动车乱停乱放，早晚高峰严重拥堵，希望相关部门整治。',
      en: 'Caller reports: cars park on both sides of the road near {community}, {street}, {district}, causing jams at rush hour.',
    },
  ],
  'traffic-accident': [
    {
      zh: '市民来电反映：在{district}{street}{community}附近路口发生交通事故，有车辆剐蹭，现场无人处置，希望相关部门尽快到场。',
      en: 'Caller reports: a collision at the crossing near {community}, {street}, {district}; nobody is handling it at the scene.',
    },
    {
      zh: '来电人反映：{time}左右在{district}{street}附近被一辆电动车撞倒，对方已离开现场，希望相关部门协助处理。',
      en: 'Caller reports: was knocked down by an e-bike near {street}, {district} around {time}; the rider left the scene.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}门前路口近期频繁发生交通事故，希望相关部门设置减速带或信号灯。',
      en: 'Caller reports: frequent accidents at the crossing outside {community}, {street}, {district}; asks for speed bumps or traffic lights.',
    },
  ],
  'road-traffic': [
    {
      zh: '市民来电反映：{district}{street}{community}附近路口的信号灯已经损坏{days}天，车辆和行人通行混乱，希望尽快维修。',
      en: 'Caller reports: the traffic lights at the crossing near {community}, {street}, {district} have been broken for {days} days; traffic is chaotic.',
    },
    {
      zh: '来电人反映：{district}{street}{community}门前道路早晚高峰拥堵严重，信号灯配时不合理，希望相关部门优化。',
      en: 'Caller reports: the road outside {community}, {street}, {district} jams at rush hour because of badly timed lights.',
    },
    {
      zh: '市民来电建议：{district}{street}{community}附近学校门口缺少人行横道和交通标志，学生过马路不安全，希望增设。',
      en: 'Caller suggests: the school near {community}, {street}, {district} has no zebra crossing or signs; pupils cross unsafely.',
    },
  ],
  'noise-nuisance': [
    {
      zh: '市民来电反映：{district}{street}{community}广场每天{time}开始有人跳广场舞，音响声音很大，严重影响居民休息，希望相关部门协调处理。',
      en: "Caller reports: square dancing starts at {time} every day in {community}, {street}, {district}, with loudspeakers that disturb residents' rest.",
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼底商的酒吧每天营业到{night}，噪音扰民，已经持续{days}天，希望尽快处理。',
      en: 'Caller reports: the bar under Building {building}, {community}, {street}, {district} stays open until {night}; the noise has gone on for {days} days.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼{floor}层住户经常在{night}大声喧哗，多次沟通无果，希望相关部门协调。',
      en: 'Caller reports: residents on floor {floor}, Building {building}, {community}, {street}, {district} are often loud at {night}; talking to them has not helped.',
    },
  ],
  'public-security': [
    {
      zh: '市民来电反映：{district}{street}{community}近期多次发生电动车电瓶被盗的情况，希望相关部门加强巡逻。',
      en: 'Caller reports: e-bike batteries have been stolen repeatedly in {community}, {street}, {district}; asks for more patrols.',
    },
    {
      zh: '来电人反映：{district}{street}{community}附近有人以推销保健品为名向老人诈骗钱财，已有老人被骗{amount}元，希望相关部门调查处理。',
      en: 'Caller reports: people selling health supplements near {community}, {street}, {district} are defrauding the elderly; one lost {amount} yuan.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}门口每天{night}有人聚集喝酒闹事，居民感到不安，希望相关部门加强管理。',
      en: 'Caller reports: people gather to drink and make trouble outside {community}, {street}, {district} at {night} every day; residents feel unsafe.',
    },
  ],
  'fire-hazard': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼楼道内有住户给电动车充电，私拉电线，存在火灾隐患，希望相关部门尽快处理。',
      en: 'Caller reports: residents charge e-bikes in the stairwell of Building {building}, {community}, {street}, {district} with improvised wiring; a fire risk.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼楼道堆满杂物，安全出口被堵，已经{days}天无人清理，希望尽快处置。',
      en: 'Caller reports: the stairwell of Building {building}, {community}, {street}, {district} is piled with clutter blocking the exit, untouched for {days} days.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}的消防通道被车辆长期占用，小区消防栓损坏无人维修，希望相关部门检查整改。',
      en: 'Caller reports: the fire lane of {community}, {street}, {district} is permanently blocked by cars and the hydrants are broken.',
    },
  ],
  'wage-arrears': [
    {
      zh: '市民来电反映：其在{district}{street}一处工地务工，被拖欠{months}个月工资共计{amount}元，多次讨要未果，希望相关部门帮助追讨。',
      en: 'Caller reports: worked on a site in {street}, {district} and is owed {months} months of wages, {amount} yuan in total, despite repeated requests.',
    },
    {
      zh: '来电人反映：在{district}{street}一家餐饮公司工作，公司已停业，拖欠员工工资{amount}元，希望相关部门协调解决。',
      en: 'Caller reports: the catering company in {street}, {district} the caller worked for has closed, owing staff {amount} yuan in wages.',
    },
    {
      zh: '市民来电反映：在{district}{street}一家公司工作，离职已{days}天，公司以各种理由拒不结算工资，希望相关部门维护劳动者权益。',
      en: 'Caller reports: left a company in {street}, {district} {days} days ago; the company keeps finding reasons not to pay the final wages.',
    },
  ],
  'social-insurance': [
    {
      zh: '市民来电咨询：在{district}{street}工作，单位已经{months}个月没有为其缴纳社保，想了解如何维权。',
      en: "Caller asks: works in {street}, {district}; the employer has not paid the caller's social insurance for {months} months; what can be done?",
    },
    {
      zh: '来电人咨询：居住在{district}{street}{community}，即将达到退休年龄，想了解养老金领取条件和办理流程。',
      en: 'Caller asks: lives in {community}, {street}, {district} and will soon retire; what are the pension conditions and procedure?',
    },
    {
      zh: '市民来电咨询：近期在{district}{street}失业，想了解失业金的申领条件及办理流程，希望给予答复。',
      en: 'Caller asks: recently lost a job in {street}, {district}; how to apply for unemployment benefit.',
    },
  ],
  'school-enrolment': [
    {
      zh: '市民来电咨询：孩子今年满六周岁，户籍在{district}{street}{community}，想了解小学入学信息采集的时间和所需材料。',
      en: 'Caller asks: the child turns six this year and is registered in {community}, {street}, {district}; when is primary-school enrolment data collected and what documents are needed?',
    },
    {
      zh: '来电人反映：居住在{district}{street}{community}，孩子被派位到离家较远的学校，上学不便，希望相关部门重新协调学位。',
      en: 'Caller reports: lives in {community}, {street}, {district}; the child was assigned a school far from home; asks for a nearer place.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}周边没有公办幼儿园，孩子排队入园已经等了{months}个月，希望相关部门增加学位。',
      en: 'Caller reports: there is no public kindergarten near {community}, {street}, {district}; the child has waited {months} months for a place.',
    },
  ],
  'off-campus-training': [
    {
      zh: '市民来电反映：其在{district}{street}一家培训机构为孩子报名，缴纳课时费{amount}元，现机构停课，要求退费无果，希望相关部门协调。',
      en: 'Caller reports: paid {amount} yuan for classes at a tutoring centre in {street}, {district}; classes stopped and the centre will not refund.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼有人在居民楼内违规开办辅导班，每天{time}学生进出频繁，希望相关部门核查。',
      en: 'Caller reports: someone runs unlicensed tutoring classes in a flat in Building {building}, {community}, {street}, {district}; pupils stream in at {time} daily.',
    },
    {
      zh: '市民来电咨询：想在{district}{street}为孩子报名课外培训，想了解如何查询培训机构是否具备办学资质。',
      en: 'Caller asks: wants to enrol a child in tutoring in {street}, {district}; how to check whether a centre is licensed?',
    },
  ],
  garbage: [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼旁的垃圾桶已经{days}天没有清运，垃圾满溢、异味严重，希望尽快处理。',
      en: 'Caller reports: the bins beside Building {building}, {community}, {street}, {district} have not been emptied for {days} days; they overflow and stink.',
    },
    {
      zh: '来电人反映：{district}{street}{community}的垃圾分类驿站每天{time}才开放，居民投放不便，希望调整开放时间。',
      en: 'Caller reports: the sorting station of {community}, {street}, {district} only opens at {time}; asks for more convenient hours.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近空地被倾倒大量建筑垃圾和渣土，已经{days}天无人清理，希望相关部门处理。',
      en: 'Caller reports: construction waste was dumped on open ground near {community}, {street}, {district} and has lain there for {days} days.',
    },
  ],
  'air-pollution': [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼底商的餐馆油烟直排，每天{time}油烟味很重，居民无法开窗，希望相关部门处理。',
      en: 'Caller reports: the restaurant under Building {building}, {community}, {street}, {district} vents cooking fumes straight out; at {time} residents cannot open windows.',
    },
    {
      zh: '来电人反映：{district}{street}{community}附近有人每天{night}焚烧垃圾，烟味刺鼻，希望相关部门查处。',
      en: 'Caller reports: someone burns rubbish near {community}, {street}, {district} at {night} every day; the smoke is acrid.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近的一家小作坊排放刺激性气味，已经持续{days}天，希望环保部门检查。',
      en: 'Caller reports: a small workshop near {community}, {street}, {district} has given off a pungent smell for {days} days.',
    },
  ],
  'river-pollution': [
    {
      zh: '市民来电反映：{district}{street}{community}附近的河道水体发黑发臭，已经持续{days}天，夏天气味更重，希望相关部门治理。',
      en: 'Caller reports: the river near {community}, {street}, {district} has been black and smelly for {days} days, worse in summer heat.',
    },
    {
      zh: '来电人反映：{district}{street}{community}旁有企业每天{night}偷偷向河道排放污水，希望相关部门查处。',
      en: 'Caller reports: a firm next to {community}, {street}, {district} secretly discharges sewage into the river at {night} every day.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近的湖面漂浮大量垃圾和死鱼，无人清理，希望相关部门尽快处理。',
      en: 'Caller reports: rubbish and dead fish float on the lake near {community}, {street}, {district} and nobody clears them.',
    },
  ],
  waterlogging: [
    {
      zh: '市民来电反映：{district}{street}{community}门前道路积水严重，水深已经没过膝盖，车辆和行人无法通行，希望相关部门尽快排水。',
      en: 'Caller reports: the road outside {community}, {street}, {district} is flooded knee-deep; neither cars nor pedestrians can pass.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼地下室被雨水倒灌，已经积水，希望相关部门尽快抽排。',
      en: 'Caller reports: rain has flooded the basement of Building {building}, {community}, {street}, {district}; asks for pumping.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}附近的雨水篦子被堵塞，每次下雨都积水，已经反映{days}天仍未疏通，希望尽快处理。',
      en: 'Caller reports: the storm drains near {community}, {street}, {district} are blocked so every rain floods the road; reported {days} days ago and still not cleared.',
    },
  ],
  pests: [
    {
      zh: '市民来电反映：{district}{street}{community}绿化带和地下室积水，蚊子特别多，居民晚上无法开窗，希望相关部门尽快消杀。',
      en: 'Caller reports: standing water in the green belts and basements of {community}, {street}, {district} breeds swarms of mosquitoes; asks for spraying.',
    },
    {
      zh: '来电人反映：{district}{street}{community}{building}号楼附近老鼠出没，已经{days}天，担心传播疾病，希望相关部门灭鼠。',
      en: 'Caller reports: rats have been seen around Building {building}, {community}, {street}, {district} for {days} days; fears disease.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼楼道和垃圾桶周边蟑螂较多，希望物业和相关部门进行消杀。',
      en: 'Caller reports: cockroaches infest the stairwell and bins of Building {building}, {community}, {street}, {district}.',
    },
  ],
  greening: [
    {
      zh: '市民来电反映：{district}{street}{community}{building}号楼前的大树树枝遮挡低层住户窗户，影响采光，希望相关部门修剪。',
      en: 'Caller reports: trees in front of Building {building}, {community}, {street}, {district} block the light of the lower flats; asks for pruning.',
    },
    {
      zh: '来电人反映：{district}{street}{community}门口有一棵树被大风刮倒，压住了路边车辆，希望相关部门尽快清理。',
      en: 'Caller reports: the wind blew down a tree outside {community}, {street}, {district} onto parked cars.',
    },
    {
      zh: '市民来电反映：{district}{street}{community}周边杨柳飞絮严重，已经持续{days}天，居民过敏，希望相关部门治理。',
      en: 'Caller reports: poplar and willow catkins around {community}, {street}, {district} have been heavy for {days} days; residents suffer allergies.',
    },
  ],
  'elderly-care': [
    {
      zh: '市民来电咨询：家中老人居住在{district}{street}{community}，想了解社区养老驿站是否提供助餐、助浴服务。',
      en: 'Caller asks: an elderly relative lives in {community}, {street}, {district}; does the community elderly-care station offer meals and bathing help?',
    },
    {
      zh: '来电人反映：{district}{street}{community}的养老驿站已经关闭{days}天，老人无处就餐，希望相关部门协调。',
      en: 'Caller reports: the elderly-care station of {community}, {street}, {district} has been closed for {days} days and the elderly have nowhere to eat.',
    },
    {
      zh: '市民来电咨询：父母均已年过八十，居住在{district}{street}{community}，想了解高龄津贴的申领条件和流程。',
      en: 'Caller asks: both parents are over eighty and live in {community}, {street}, {district}; how to apply for the old-age allowance.',
    },
  ],
  'policy-consultation': [
    {
      zh: '市民来电咨询：居住在{district}{street}{community}，想了解办理居住证需要的材料和办理地点。',
      en: 'Caller asks: lives in {community}, {street}, {district}; which documents are needed for a residence permit and where to apply.',
    },
    {
      zh: '来电人咨询：想在{district}{street}注册一家个体工商户，想了解办理流程和所需时间。',
      en: 'Caller asks: wants to register a sole proprietorship in {street}, {district}; what is the procedure and how long does it take?',
    },
    {
      zh: '市民来电咨询：居住在{district}{street}{community}，想了解住房公积金提取的条件和办理方式，希望给予答复。',
      en: 'Caller asks: lives in {community}, {street}, {district}; under what conditions and how can the housing provident fund be withdrawn?',
    },
  ],
};

/** Chinese name of an hour of the day, as a work order writes it (晚上10点, 凌晨2点). */
function zhHour(h: number): string {
  if (h === 0) return '午夜12点';
  if (h < 6) return `凌晨${h}点`;
  if (h < 9) return `早上${h}点`;
  if (h < 12) return `上午${h}点`;
  if (h === 12) return '中午12点';
  if (h < 18) return `下午${h - 12}点`;
  return `晚上${h - 12}点`;
}

/** English name of an hour of the day (10 pm, 2 am, 12 noon). */
function enHour(h: number): string {
  if (h === 0) return '12 midnight';
  if (h === 12) return '12 noon';
  return h < 12 ? `${h} am` : `${h - 12} pm`;
}

/** `12,300`: formatted by hand so the text never depends on the runtime's locale data. */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

const NIGHT_HOURS = [21, 22, 23, 0, 1, 2] as const;

/** The random parts of one appeal text, drawn once so both languages can share them. */
interface AppealDraw {
  /** Uniform in (0, 1): picks the template. */
  readonly pick: number;
  readonly building: number;
  readonly floor: number;
  readonly days: number;
  readonly months: number;
  readonly hour: number;
  readonly nightHour: number;
  readonly amount: number;
  readonly people: number;
}

/**
 * Always makes the same nine draws in the same order, whichever template is picked, so a text consumes
 * a fixed amount of randomness and the two languages see identical details from identical rng states.
 */
function drawAppeal(rng: Rng): AppealDraw {
  return {
    pick: rng.next(),
    building: 1 + rng.int(30),
    floor: 2 + rng.int(23),
    days: 2 + rng.int(19),
    months: 2 + rng.int(6),
    hour: 7 + rng.int(13),
    nightHour: NIGHT_HOURS[rng.int(NIGHT_HOURS.length)] ?? 22,
    amount: 100 * (5 + rng.int(196)),
    people: 6 + rng.int(15),
  };
}

function templatesOf(categoryId: string): readonly AppealTemplate[] {
  const templates = isCategoryId(categoryId) ? APPEAL_TEMPLATES[categoryId] : undefined;
  if (templates === undefined || templates.length === 0) {
    throw new Error(`no appeal text templates for category "${categoryId}"`);
  }
  return templates;
}

function fill(template: string, values: Record<AppealPlaceholder, string>): string {
  return template.replace(/\{([a-z]+)\}/g, (match, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`unknown placeholder ${match} in appeal template`);
    return values[name as AppealPlaceholder];
  });
}

function fillWith(text: string, lang: 'zh' | 'en', place: AppealPlace, d: AppealDraw): string {
  const zh = lang === 'zh';
  return fill(text, {
    district: place.district,
    street: place.street,
    community: place.community,
    building: String(d.building),
    floor: String(d.floor),
    days: String(d.days),
    months: String(d.months),
    time: zh ? zhHour(d.hour) : enHour(d.hour),
    night: zh ? zhHour(d.nightHour) : enHour(d.nightHour),
    amount: zh ? String(d.amount) : withThousands(d.amount),
    people: String(d.people),
  });
}

/**
 * Village wording: villagers live in numbered courtyard houses (号院), not numbered blocks of flats,
 * and heat with stoves or heat pumps (煤改电), not radiators. Applied in order to a template's text.
 */
const RURAL_WORDING: Record<'zh' | 'en', readonly (readonly [RegExp, string])[]> = {
  zh: [
    [/\{building\}号楼\{floor\}层楼道内/g, '{building}号院内'],
    [/\{building\}号楼\{floor\}层/g, '{building}号院'],
    [/\{building\}号楼底商/g, '村口'],
    [/\{building\}号楼楼道/g, '{building}号院'],
    [/\{building\}号楼一层住户私自在楼前/g, '{building}号院住户私自在院前'],
    [/\{building\}号楼顶层住户在楼顶/g, '{building}号院住户在房顶'],
    [/\{building\}号楼下/g, '{building}号院门口'],
    [/\{building\}号楼/g, '{building}号院'],
    [/居民楼内/g, '村民家中'],
    [/楼道/g, '院内'],
    [/小区/g, '村里'],
    [/楼体/g, '房屋'],
    [/低层住户/g, '住户'],
    [/暖气管道/g, '取暖管道'],
    [/暖气/g, '取暖设备'],
  ],
  en: [
    [/on the ground floor of Building \{building\}, |under Building \{building\}, /g, 'at the entrance of '],
    [/below Building \{building\}/g, 'outside house {building}'],
    [/a flat on floor \{floor\}, Building \{building\}/g, 'house {building}'],
    [/on floor \{floor\}, Building \{building\}/g, 'in house {building}'],
    [/floor \{floor\}, Building \{building\}/g, 'house {building}'],
    [/on the floor \{floor\} landing of Building/g, 'in the yard of house'],
    [/the stairwell of Building/g, 'the yard of house'],
    [/many flats in Building/g, 'many homes around house'],
    [/a flat in Building/g, 'house'],
    [/(ground|top)-floor resident/g, 'resident'],
    [/Building \{building\}/g, 'house {building}'],
    [/stairwell/g, 'yard'],
    [/the lower flats/g, 'the houses'],
    [/flat/g, 'house'],
    [/endangering the building/g, 'endangering the house'],
    [/radiators/g, 'heaters'],
  ],
};

/** Templates about what villages do not have (lifts) are not drawn there. */
const URBAN_ONLY = /电梯/;

/** A template that asks a question (咨询) rather than reports a problem. */
const isQuestion = (t: AppealTemplate): boolean => /^(市民|来电人)(来电)?咨询/.test(t.zh);

function render(
  lang: 'zh' | 'en',
  categoryId: string,
  place: AppealPlace,
  rng: Rng,
  kind?: AppealTextKind,
): string {
  const d = drawAppeal(rng);
  const every = templatesOf(categoryId);
  const ofKind = kind === undefined ? every : every.filter((t) => isQuestion(t) === (kind === 'question'));
  const all = ofKind.length > 0 ? ofKind : every;
  const rural = place.rural === true ? all.filter((t) => !URBAN_ONLY.test(t.zh)) : all;
  const templates = rural.length > 0 ? rural : all;
  const template = templates[Math.min(templates.length - 1, Math.floor(d.pick * templates.length))];
  if (template === undefined) throw new Error(`no appeal text templates for category "${categoryId}"`);
  const text =
    place.rural === true
      ? RURAL_WORDING[lang].reduce((s, [pattern, by]) => s.replace(pattern, by), template[lang])
      : template[lang];
  return fillWith(text, lang, place, d);
}

/**
 * Fills one template text (a Chinese template or an English gloss, in `lang`) with the place and
 * details drawn from `rng`, e.g. to preview a new template. Consumes the same nine draws as
 * {@link renderAppealText}.
 * @throws Error on a placeholder not in {@link APPEAL_PLACEHOLDERS}.
 */
export function fillAppealTemplate(text: string, lang: 'zh' | 'en', place: AppealPlace, rng: Rng): string {
  return fillWith(text, lang, place, drawAppeal(rng));
}

/**
 * A Chinese appeal text for a category, in the style of a 12345 work order. Deterministic: the same
 * rng state gives the same text. Always consumes nine draws from `rng`.
 * @throws Error when the category has no templates (an id outside the built-in catalogue).
 * @param place names in Chinese, e.g. `{ district: '朝阳区', street: '望京街道', community: '望花路东里社区' }`
 */
export function renderAppealText(categoryId: string, place: AppealPlace, rng: Rng): string {
  return render('zh', categoryId, place, rng);
}

/**
 * The English gloss of the appeal text. Given an rng in the same state as the one passed to
 * {@link renderAppealText} (e.g. two generators from one seed), it glosses the same template with the
 * same details. Always consumes nine draws from `rng`.
 * @param place names in English or pinyin, e.g. `{ district: 'Chaoyang', street: 'Wangjing', community: 'Wanghualu Dongli' }`
 */
export function renderAppealTextEn(categoryId: string, place: AppealPlace, rng: Rng): string {
  return render('en', categoryId, place, rng);
}

/** What an appeal text does: ask a question (咨询) or report a problem (投诉, 举报, 求助, 建议). */
export type AppealTextKind = 'question' | 'problem';

/**
 * Whether the category has templates of this kind (a question, or a problem), so a caller can write
 * its own words where it has none.
 */
export function hasAppealTemplates(categoryId: string, kind: AppealTextKind): boolean {
  return templatesOf(categoryId).some((t) => isQuestion(t) === (kind === 'question'));
}

/**
 * An appeal text of one kind (a question or a problem) in `lang`, from the category's templates of
 * that kind (all of them when it has none). Always consumes nine draws from `rng`; the two languages
 * from rngs in the same state gloss the same template with the same details.
 */
export function renderAppealTextAs(
  kind: AppealTextKind,
  lang: 'zh' | 'en',
  categoryId: string,
  place: AppealPlace,
  rng: Rng,
): string {
  return render(lang, categoryId, place, rng, kind);
}
