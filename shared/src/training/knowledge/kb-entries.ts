/**
 * The knowledge base's texts (知识库), one entry per category of the appeal catalogue: how citizens
 * ask, and the answer a hotline agent gives on the spot. TRAINING MATERIAL, written for this
 * simulator: general guidance in the way a 12345 knowledge base words it (where to go, what to bring,
 * what the hotline does next), with no figure, fee or article number that would pass for a sourced
 * rule; every answer sends the caller to the official source for the details. The responsible unit
 * and its hours are not written here: knowledge-base.ts takes them from the catalogue.
 */

/** Text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The hand-written part of an entry. */
export interface KbText {
  /** Category id in the appeal catalogue. */
  category: string;
  title: Bilingual;
  /** How callers ask it (search matches these too). */
  questions: { zh: readonly string[]; en: readonly string[] };
  answer: Bilingual;
}

export const KB_TEXTS: readonly KbText[] = [
  {
    category: 'epidemic-prevention',
    title: { zh: '疫情防控政策咨询', en: 'Epidemic prevention rules' },
    questions: {
      zh: ['现在还需要隔离吗', '哪里可以做核酸检测', '健康码异常怎么办'],
      en: ['Do I still need to quarantine?', 'Where can I get tested?', 'My health code shows a problem'],
    },
    answer: {
      zh: '防控措施随疫情形势调整，以市、区两级最新发布的通告为准。检测点、健康码异常的处理可查询“北京健康宝”或所在区的疫情防控公告；如有具体困难，可由热线转所在区核实处理。',
      en: "Measures change with the situation; the latest notices of the city and the district apply. Testing sites and health-code problems can be checked in the city's health app or the district's notices; a specific difficulty can be passed to the district to check and handle.",
    },
  },
  {
    category: 'medical-services',
    title: { zh: '就医与挂号', en: 'Seeing a doctor and booking' },
    questions: {
      zh: ['医院怎么挂号', '哪家医院能看这个科', '对医生服务有意见找谁'],
      en: [
        'How do I book a hospital appointment?',
        'Which hospital treats this?',
        'Who do I tell about poor service?',
      ],
    },
    answer: {
      zh: '本市医院一般通过医院官方渠道或全市统一预约挂号平台预约；科室与出诊安排以医院公布为准。对医疗服务的意见可先向医院的患者服务（投诉）部门反映，未解决的可经热线转卫生健康部门。突发急症请直接拨打120。',
      en: "Hospitals take bookings through their own channels or the city's common booking platform; departments and schedules are as each hospital publishes them. Complaints about service go first to the hospital's patient-service office, then through the hotline to the health authority. For an emergency call 120.",
    },
  },
  {
    category: 'medical-insurance',
    title: { zh: '医保报销与异地就医', en: 'Medical insurance claims and care elsewhere' },
    questions: {
      zh: ['医保怎么报销', '异地就医怎么备案', '医保卡丢了怎么补办'],
      en: [
        'How do I claim medical insurance?',
        'How do I register for treatment in another city?',
        'I lost my insurance card',
      ],
    },
    answer: {
      zh: '报销范围、比例和异地就医备案以医保部门公布的政策为准，可通过国家医保服务平台、北京医保公众服务平台或所在区医保经办机构办理。医保卡（社保卡）挂失补办可到银行网点或线上渠道办理。',
      en: "What is covered, at what rate, and registering for care in another city follow the medical-insurance authority's published rules; they can be done on the national or Beijing medical-insurance platforms or at the district office. A lost card is reported and replaced at the card bank or online.",
    },
  },
  {
    category: 'unlicensed-trading',
    title: { zh: '无照经营、占道摆摊', en: 'Unlicensed trading and street stalls' },
    questions: {
      zh: ['路边有人摆摊谁管', '无照经营怎么举报', '想摆摊需要办什么'],
      en: [
        'Who deals with street stalls?',
        'How do I report unlicensed trading?',
        'What do I need to run a stall?',
      ],
    },
    answer: {
      zh: '占道经营、游商由属地街道（乡镇）组织城管执法等力量处置；发现具体地点的，热线可派单到所在街乡。想合法经营的，需先办理营业执照，可登录北京市企业服务e窗通平台或到所在区政务服务中心咨询。',
      en: 'Stalls on the road and hawkers are handled by the street or township with its law-enforcement team; for a given place the hotline dispatches an order to that street. To trade legally, first obtain a business licence, online or at the district government service centre.',
    },
  },
  {
    category: 'consumer-disputes',
    title: { zh: '消费纠纷、预付卡退费', en: 'Consumer disputes and prepaid cards' },
    questions: {
      zh: ['商家不给退款怎么办', '预付卡店铺跑路了', '买到的东西有质量问题'],
      en: ['The shop refuses a refund', 'The shop with my prepaid card closed', 'What I bought is faulty'],
    },
    answer: {
      zh: '请先保留购物凭证、合同、聊天和付款记录，与商家协商。协商不成的，可通过热线或全国12315平台向市场监管部门投诉，由其组织调解；调解不成的，可依法申请仲裁或向人民法院起诉。',
      en: 'Keep receipts, contracts, messages and payment records and ask the seller first. If that fails, complain to market regulation through the hotline or the national 12315 platform, which mediates; if mediation fails, the way is arbitration or a court.',
    },
  },
  {
    category: 'food-safety',
    title: { zh: '食品安全', en: 'Food safety' },
    questions: {
      zh: ['买到过期食品怎么办', '餐馆卫生差向谁反映', '吃了东西不舒服'],
      en: ['I bought expired food', 'Who do I tell about a dirty restaurant?', 'I felt ill after eating'],
    },
    answer: {
      zh: '请保留食品、包装和购买凭证，说明购买地点和时间，由热线转市场监管部门核查。身体不适请先就医并保留病历；多人出现症状或情况紧急的请拨打120。',
      en: 'Keep the food, its packaging and the receipt, and give the place and time of purchase; the hotline passes it to market regulation to inspect. If you feel ill, see a doctor first and keep the records; call 120 if several people are ill or it is urgent.',
    },
  },
  {
    category: 'heating',
    title: { zh: '供暖', en: 'Heating' },
    questions: {
      zh: ['什么时候开始供暖', '暖气不热找谁', '采暖费怎么交'],
      en: ['When does heating start?', 'My radiators are cold', 'How do I pay the heating fee?'],
    },
    answer: {
      zh: '本市供暖季一般为11月15日至次年3月15日，遇气温变化可能提前或延长，以当年通知为准。室温不达标、暖气不热，请先联系您的供热单位报修（不一定是热力集团，以供热合同或缴费单为准）；热线可派单到供热单位。采暖费按供热单位通知缴纳。',
      en: 'The heating season normally runs from 15 November to 15 March, started early or extended with the weather as announced each year. For cold radiators call your heating supplier first (not always the heating group: see your contract or bill); the hotline can dispatch an order to it. Fees are paid as the supplier notifies.',
    },
  },
  {
    category: 'public-transport',
    title: { zh: '公交地铁出租车', en: 'Buses, metro and taxis' },
    questions: {
      zh: ['这趟公交车怎么改线了', '地铁末班车几点', '出租车拒载怎么投诉'],
      en: ['Why was my bus route changed?', 'When is the last train?', 'A taxi refused to take me'],
    },
    answer: {
      zh: '线路、站点和首末班时间以公交集团、地铁运营公司官方发布为准，可查官方App或站内公告。对线路的建议、对驾驶员或出租车的投诉，请提供线路、车号和时间，由热线转交通部门处理。',
      en: 'Routes, stops and first and last services are as the bus and metro operators publish them (their apps, notices at stations). Suggestions about routes and complaints about drivers or taxis need the line, vehicle number and time; the hotline passes them to the transport authority.',
    },
  },
  {
    category: 'water-supply',
    title: { zh: '停水与水质', en: 'Water cuts and quality' },
    questions: {
      zh: ['家里停水了什么时候来', '水压低怎么办', '自来水发黄能喝吗'],
      en: ['When will the water be back?', 'The pressure is low', 'The tap water is yellow'],
    },
    answer: {
      zh: '计划停水会提前公告，可查询供水企业公告或小区通知。突发停水、水压低、水质异常请告知具体地址和现象，由热线派单供水企业抢修；水质异常期间请暂停饮用。小区内部管网问题由物业或产权单位负责。',
      en: "Planned cuts are announced in advance (the water company's notices, notices in the compound). For a sudden cut, low pressure or odd water give the address and what you see; the hotline dispatches the water company. Do not drink water that looks wrong. Pipes inside a compound are the property manager's or owner's.",
    },
  },
  {
    category: 'power-supply',
    title: { zh: '停电与电费', en: 'Power cuts and bills' },
    questions: {
      zh: ['突然停电了', '电费怎么这么高', '计划停电在哪查'],
      en: ['The power is out', 'Why is my bill so high?', 'Where are planned cuts listed?'],
    },
    answer: {
      zh: '计划停电以供电公司公告为准，可在“网上国网”App查询。请先确认是否只是自家跳闸；整栋楼或片区停电请告知地址，由热线派单供电公司抢修。电费疑问可在App或营业厅查询用电明细。',
      en: 'Planned cuts are listed by the power company (its app). First check whether only your own breaker tripped; for a building or area out, give the address and the hotline dispatches the power company. Billing questions: the app or a service hall shows your usage.',
    },
  },
  {
    category: 'gas-supply',
    title: { zh: '燃气', en: 'Gas' },
    questions: {
      zh: ['闻到燃气味怎么办', '燃气表怎么充值', '燃气灶打不着火'],
      en: ['I smell gas', 'How do I top up my gas meter?', 'The stove will not light'],
    },
    answer: {
      zh: '闻到燃气味：立即关闭阀门、开窗通风，不开关电器、不用明火，到室外安全处拨打燃气集团抢修电话或119。充值、表具和停气问题可通过燃气集团官方渠道办理，热线也可派单燃气企业。',
      en: "If you smell gas: close the valve, open the windows, touch no switch and no flame, and from outside call the gas company's emergency line or 119. Top-ups, meters and supply cuts go through the gas company's channels; the hotline can also dispatch it.",
    },
  },
  {
    category: 'property-management',
    title: { zh: '物业服务', en: 'Property management' },
    questions: {
      zh: ['物业不作为怎么办', '电梯坏了物业不修', '物业费涨价合理吗'],
      en: [
        'The property manager does nothing',
        'The lift is broken and not repaired',
        'Can they raise the fee?',
      ],
    },
    answer: {
      zh: '请先向物业服务企业书面提出，并可通过业主委员会（物业管理委员会）协商。物业服务内容和收费以物业服务合同为准。未解决的，热线派单到所在街道（乡镇），由其协调住建部门等处理；电梯困人请拨打电梯内救援电话或119。',
      en: "Put it to the property company in writing, and through the owners' committee. Services and fees are what the property contract says. If unresolved, the hotline dispatches the street, which brings in housing and other departments. Someone trapped in a lift: the rescue number in the car, or 119.",
    },
  },
  {
    category: 'group-rental',
    title: { zh: '群租房', en: 'Overcrowded group rentals' },
    questions: {
      zh: ['楼里有群租房谁管', '隔断房安全吗', '出租屋住了很多人'],
      en: [
        'Who deals with an overcrowded rental?',
        'Are partitioned flats legal?',
        'Too many people live next door',
      ],
    },
    answer: {
      zh: '群租、违规隔断由属地街道（乡镇）牵头，会同公安、住建、城管执法等部门核查处置。请提供具体楼号、门牌和情况，热线派单到所在街乡。出租房屋应符合本市租赁管理规定，具体可咨询区住建部门。',
      en: "Overcrowded and partitioned rentals are led by the street with police, housing and law enforcement. Give the building, door number and what you see; the hotline dispatches the street. Letting must follow the city's rental rules; the district housing office explains them.",
    },
  },
  {
    category: 'real-estate',
    title: { zh: '房屋买卖与租赁', en: 'Buying, selling and renting homes' },
    questions: {
      zh: ['房产证怎么办', '中介不退押金', '租房合同要备案吗'],
      en: [
        'How do I get the property certificate?',
        'The agent keeps my deposit',
        'Must a lease be registered?',
      ],
    },
    answer: {
      zh: '不动产登记到所在区不动产登记中心或线上办理，所需材料以登记机构公布为准。与中介、房东的押金和合同纠纷，请保留合同与付款记录，可经热线转住建部门调查，也可申请调解或依法起诉。租赁登记备案可咨询住建部门或通过其网上平台办理。',
      en: 'Property registration is at the district registration centre or online; the materials are as the centre publishes. Deposit and contract disputes with agents or landlords: keep the contract and payments; the hotline passes them to the housing authority, or seek mediation or a court. Lease registration: the housing authority or its online platform.',
    },
  },
  {
    category: 'illegal-construction',
    title: { zh: '违法建设', en: 'Illegal construction' },
    questions: {
      zh: ['邻居私搭乱建谁管', '楼顶加盖怎么举报', '圈占绿地建房'],
      en: [
        'My neighbour is building without a permit',
        'Someone added a floor on the roof',
        'Green space fenced off to build',
      ],
    },
    answer: {
      zh: '违法建设由属地街道（乡镇）牵头核查，规划、城管执法等部门依法处置。请提供具体位置、建设时间和现状（可拍照），热线派单到所在街乡。是否属于违法建设以执法部门认定为准。',
      en: 'Illegal building is checked by the street, with planning and law enforcement acting under the law. Give the exact place, when it was built and what is there now (photos help); the hotline dispatches the street. Whether it is illegal is for the enforcement bodies to decide.',
    },
  },
  {
    category: 'construction-noise',
    title: { zh: '施工扰民', en: 'Construction disturbance' },
    questions: {
      zh: ['工地夜间施工扰民', '夜间施工有没有许可', '工地扬尘大'],
      en: [
        'A site works through the night',
        'Do they have a night-work permit?',
        'Dust from a building site',
      ],
    },
    answer: {
      zh: '夜间施工一般须取得相关部门的许可并公示，可查看工地公示牌。请告知工地名称或位置、施工时段和影响，热线派单到所在街道（乡镇），由其协调住建、城管执法、生态环境等部门处置。',
      en: 'Night work generally needs a permit that the site must post on its notice board. Give the site or its place, the hours and the impact; the hotline dispatches the street, which brings in housing, law enforcement and environment.',
    },
  },
  {
    category: 'municipal-facilities',
    title: { zh: '路灯、井盖与道路', en: 'Street lights, manholes and roads' },
    questions: {
      zh: ['路灯不亮了', '井盖丢了很危险', '路面有大坑'],
      en: ['The street light is out', 'A manhole cover is missing', 'There is a pothole'],
    },
    answer: {
      zh: '请告知具体位置（道路名称、附近门牌或标志物）和现象，热线派单到所在区，由区相关部门或养护单位维修。井盖缺失等危及安全的，请在保证自身安全的前提下提醒过往行人，情况紧急可拨打110。',
      en: 'Give the exact place (road, nearby number or landmark) and what is wrong; the hotline dispatches the district, whose departments or maintenance contractors repair it. Where a missing cover endangers people, warn passers-by if it is safe to, and call 110 if urgent.',
    },
  },
  {
    category: 'illegal-parking',
    title: { zh: '违章停车', en: 'Illegal parking' },
    questions: {
      zh: ['车堵在消防通道', '小区门口乱停车', '僵尸车长期占车位'],
      en: [
        'A car blocks the fire lane',
        'Cars park badly at our gate',
        'An abandoned car has sat here for months',
      ],
    },
    answer: {
      zh: '占用道路违停可拨打122或通过交管App举报；小区内部、消防通道的乱停车和长期停放的“僵尸车”，热线派单到所在街道（乡镇），由其协调交管、城管执法和物业处理。',
      en: 'Illegal parking on a road: call 122 or report it in the traffic police app. Inside compounds, in fire lanes, and abandoned cars: the hotline dispatches the street, which brings in traffic police, law enforcement and the property manager.',
    },
  },
  {
    category: 'traffic-accident',
    title: { zh: '交通事故', en: 'Traffic accidents' },
    questions: {
      zh: ['发生剐蹭怎么处理', '撞车了有人受伤', '事故认定书在哪领'],
      en: ['A minor scrape: what now?', 'A crash with someone hurt', 'Where do I get the accident report?'],
    },
    answer: {
      zh: '发生交通事故请立即拨打122；有人受伤同时拨打120。无人伤亡的轻微事故，可按交管部门规定拍照后撤离现场自行协商或快速处理。事故认定、处理进度请咨询处理事故的交管部门。',
      en: 'Call 122 at once after an accident, and 120 too if anyone is hurt. For a minor one without injuries, take photos and clear the road as the traffic police rules allow, then settle it or use quick handling. The accident report and its progress: the traffic police unit that handled it.',
    },
  },
  {
    category: 'road-traffic',
    title: { zh: '信号灯与交通秩序', en: 'Signals and road traffic' },
    questions: {
      zh: ['红绿灯坏了', '这个路口老堵车', '能不能加个信号灯'],
      en: ['The traffic lights are broken', 'This junction always jams', 'Could a signal be added here?'],
    },
    answer: {
      zh: '信号灯故障、标志标线问题和路口秩序由交管部门处理，请告知路口名称和方向，热线派单到交管部门。对增设信号灯、调整配时的建议也可经热线转交，是否采纳以交管部门评估为准。',
      en: "Broken signals, signs and markings and order at junctions are the traffic police's; give the junction and direction and the hotline dispatches them. Suggestions for new signals or timings are passed on too; the traffic police assess them.",
    },
  },
  {
    category: 'noise-nuisance',
    title: { zh: '噪声扰民', en: 'Noise nuisance' },
    questions: {
      zh: ['广场舞声音太大', '楼下商铺音响扰民', '邻居半夜吵闹'],
      en: ['Square dancing is too loud', "A shop's speakers are too loud", 'Neighbours are noisy at night'],
    },
    answer: {
      zh: '请告知地点、时段和噪声来源，热线派单到所在街道（乡镇），由其协调社区、生态环境和公安等部门处理。正在发生的深夜吵闹、聚众滋事可拨打110。',
      en: 'Give the place, the hours and the source; the hotline dispatches the street, which brings in the community, environment and police. Loud disturbance going on late at night: call 110.',
    },
  },
  {
    category: 'public-security',
    title: { zh: '治安与防诈骗', en: 'Public order and fraud' },
    questions: {
      zh: ['我被骗了怎么办', '小区里有可疑人员', '自行车被偷了'],
      en: ['I have been scammed', 'Suspicious people in our compound', 'My bicycle was stolen'],
    },
    answer: {
      zh: '正在发生的违法犯罪、紧急情况请立即拨打110。已被诈骗的，请保留转账记录和聊天记录，尽快报警或到派出所报案；防诈骗知识可查询公安机关发布。非紧急的治安隐患，热线可转公安部门。',
      en: 'A crime going on or an emergency: call 110 now. If scammed, keep the transfers and messages and report to the police as soon as possible (110 or a police station); the police publish fraud advice. Non-urgent safety concerns are passed to the police through the hotline.',
    },
  },
  {
    category: 'fire-hazard',
    title: { zh: '消防安全隐患', en: 'Fire hazards' },
    questions: {
      zh: ['楼道堆满杂物', '电动车在楼道充电', '安全出口被锁'],
      en: ['The stairwell is full of clutter', 'E-bikes charge in the hallway', 'The fire exit is locked'],
    },
    answer: {
      zh: '发生火情请立即拨打119。楼道堆物、电动车入户或楼道充电、私拉电线、安全出口堵塞等隐患，请告知具体楼栋位置，热线派单到所在街道（乡镇），由其会同消防救援等部门督促整改。',
      en: 'A fire: call 119 at once. Clutter in stairwells, e-bikes charged indoors, makeshift wiring or blocked exits: give the building and the spot, and the hotline dispatches the street, which has them removed with the fire service.',
    },
  },
  {
    category: 'wage-arrears',
    title: { zh: '拖欠工资', en: 'Unpaid wages' },
    questions: {
      zh: ['老板拖欠工资怎么办', '没签劳动合同能要工资吗', '农民工讨薪找谁'],
      en: [
        'My employer owes me wages',
        'No contract: can I still claim?',
        'Where do migrant workers claim pay?',
      ],
    },
    answer: {
      zh: '请保留劳动合同、考勤、工资条、聊天记录等证据。可向用人单位所在区的劳动保障监察机构投诉，或经热线转人力社保部门；属于劳动争议的，可向劳动人事争议仲裁委员会申请仲裁。',
      en: "Keep the contract, attendance, pay slips and messages. Complain to the labour inspectorate of the employer's district, or through the hotline to human resources and social security; a labour dispute goes to the labour dispute arbitration committee.",
    },
  },
  {
    category: 'social-insurance',
    title: { zh: '社保与养老金', en: 'Social insurance and pensions' },
    questions: {
      zh: ['社保怎么查缴费记录', '养老金什么时候发', '失业金怎么领'],
      en: [
        'How do I check my contributions?',
        'When is the pension paid?',
        'How do I claim unemployment benefit?',
      ],
    },
    answer: {
      zh: '缴费记录、养老金和失业保险金可通过北京市人力资源和社会保障局网站、“北京人社”App或所在区社保经办机构查询和办理，领取条件和所需材料以其公布为准。',
      en: 'Contributions, pensions and unemployment benefit are checked and claimed on the city human-resources website, its app, or at the district social-insurance office; conditions and materials are as they publish.',
    },
  },
  {
    category: 'school-enrolment',
    title: { zh: '入学入园', en: 'School and kindergarten places' },
    questions: {
      zh: ['孩子上小学怎么报名', '非京籍孩子怎么入学', '幼儿园学位不够'],
      en: [
        'How do I enrol my child in primary school?',
        'Enrolment without a Beijing hukou',
        'No kindergarten place',
      ],
    },
    answer: {
      zh: '义务教育入学按区教委当年发布的入学政策执行，信息采集、审核时间和材料以区教委公告为准，可登录本区义务教育入学服务平台。非本市户籍适龄儿童需按规定提交相关材料。学位问题可经热线转教育部门。',
      en: "Compulsory-school enrolment follows the district education commission's policy of the year; registration, review dates and materials are as it announces, on the district enrolment platform. Children without a Beijing hukou submit the documents the rules list. Place shortages are passed to education through the hotline.",
    },
  },
  {
    category: 'off-campus-training',
    title: { zh: '校外培训', en: 'Off-campus tutoring' },
    questions: {
      zh: ['培训机构不退费', '这家机构有资质吗', '周末还能补课吗'],
      en: [
        'The tutoring school will not refund',
        'Is this tutoring centre licensed?',
        'Are weekend classes allowed?',
      ],
    },
    answer: {
      zh: '校外培训机构资质可在教育部门公布的名单或全国校外教育培训监管平台查询。退费纠纷请保留合同和缴费凭证，先与机构协商，未解决的经热线转教育部门；涉及违规培训的也可举报。',
      en: 'Whether a centre is licensed can be checked in the lists education publishes or on the national supervision platform. For refunds keep the contract and receipts and ask the centre first, then through the hotline to education; irregular tutoring can be reported too.',
    },
  },
  {
    category: 'garbage',
    title: { zh: '垃圾清运与分类', en: 'Rubbish collection and sorting' },
    questions: {
      zh: ['垃圾好几天没人清运', '垃圾怎么分类', '有人乱倒渣土'],
      en: ['Rubbish has not been collected for days', 'How do I sort rubbish?', 'Someone dumps rubble'],
    },
    answer: {
      zh: '本市生活垃圾分为厨余垃圾、可回收物、有害垃圾和其他垃圾四类，具体投放要求可查城市管理部门发布的指引。垃圾清运不及时、乱倒渣土，请告知具体地点，热线派单到所在街道（乡镇）处理。',
      en: "Household rubbish is sorted into four kinds (kitchen waste, recyclables, hazardous, other); the city management's guide says what goes where. Uncollected rubbish or dumped rubble: give the place, and the hotline dispatches the street.",
    },
  },
  {
    category: 'air-pollution',
    title: { zh: '油烟、焚烧与异味', en: 'Fumes, burning and smells' },
    questions: {
      zh: ['餐馆油烟太大', '有人焚烧垃圾', '附近有刺鼻异味'],
      en: ["A restaurant's fumes are too much", 'Someone is burning rubbish', 'A strong smell nearby'],
    },
    answer: {
      zh: '请告知地点、时间和现象（可拍照），热线派单到所在街道（乡镇），由其协调生态环境、城管执法等部门查处。正在发生的明火焚烧有蔓延危险的请拨打119。',
      en: 'Give the place, time and what you see (photos help); the hotline dispatches the street, which brings in environment and law enforcement. Open burning that could spread: call 119.',
    },
  },
  {
    category: 'river-pollution',
    title: { zh: '河湖污染', en: 'River and lake pollution' },
    questions: {
      zh: ['河里有人排污', '河道发黑发臭', '河边垃圾很多'],
      en: ['Someone discharges into the river', 'The river is black and smelly', 'Rubbish along the river'],
    },
    answer: {
      zh: '请告知河道名称、具体位置和现象，热线派单到所在街道（乡镇），由其会同水务、生态环境部门核查处置。本市实行河长制，河道旁公示牌上有河长和联系方式。',
      en: 'Give the river, the exact spot and what you see; the hotline dispatches the street, which checks with water and environment. Rivers have river chiefs named on the boards along the bank, with their contacts.',
    },
  },
  {
    category: 'waterlogging',
    title: { zh: '积水内涝', en: 'Waterlogging' },
    questions: {
      zh: ['下雨路上积水很深', '雨水倒灌进楼里', '下水道堵了'],
      en: ['Deep water on the road after rain', 'Rain is flooding into the building', 'The drain is blocked'],
    },
    answer: {
      zh: '汛期请关注气象预警，不要涉水通行、不要在低洼处和地下空间停留。道路积水、雨水倒灌请告知具体位置，热线派单水务部门抢排；有人被困等紧急情况请拨打119或110。小区内部管道堵塞由物业或产权单位负责。',
      en: "In the flood season follow the weather warnings; do not wade through water or stay in underpasses and basements. Water on roads or flooding into buildings: give the place, and the hotline dispatches water to pump it; anyone trapped: 119 or 110. Drains inside a compound are the property manager's.",
    },
  },
  {
    category: 'pests',
    title: { zh: '蚊虫鼠害', en: 'Mosquitoes and pests' },
    questions: {
      zh: ['小区老鼠多', '楼下积水蚊子多', '能不能来消杀'],
      en: ['Many rats in our compound', 'Standing water breeds mosquitoes', 'Can someone come to disinfest?'],
    },
    answer: {
      zh: '公共区域的蚊虫鼠害由属地街道（乡镇）组织消杀，卫生健康部门指导。请告知具体位置，热线派单到所在街乡；小区内部由物业配合处理。家庭内部消杀可自行请专业机构。',
      en: 'Pests in public space are treated by the street, advised by health; give the place and the hotline dispatches the street, with the property manager inside compounds. Inside a home, hire a pest-control firm.',
    },
  },
  {
    category: 'greening',
    title: { zh: '树木与绿地', en: 'Trees and green space' },
    questions: {
      zh: ['树枝挡住窗户能不能修剪', '杨柳飞絮太多', '大风刮倒了树'],
      en: ['Branches block my window', 'Too much poplar fluff', 'A tree fell in the wind'],
    },
    answer: {
      zh: '树木修剪、移植须由园林绿化部门或养护单位依规进行，个人不得擅自砍伐。请告知具体位置和情况，热线派单园林绿化部门。倒树压人压车、阻断道路的紧急情况请拨打110或119。',
      en: 'Trees are pruned or moved by the parks authority or its contractors under the rules; nobody may fell them on their own. Give the place and the problem; the hotline dispatches the parks authority. A fallen tree on people, cars or a road: 110 or 119.',
    },
  },
  {
    category: 'elderly-care',
    title: { zh: '养老服务', en: 'Elderly care' },
    questions: {
      zh: ['附近有没有养老驿站', '老年人助餐怎么办理', '养老补贴怎么申请'],
      en: [
        'Is there a care station near me?',
        'How do older people get meal help?',
        'How do I apply for an elderly allowance?',
      ],
    },
    answer: {
      zh: '养老服务驿站、助餐点可通过所在社区居委会、街道（乡镇）或民政部门公布的信息查询。养老补贴和津贴的条件及申请方式以民政部门政策为准，一般可到社区或街道办理。对养老机构服务的意见，热线可转民政部门。',
      en: "Care stations and meal points are listed by the community committee, the street or civil affairs. Allowances' conditions and how to apply are as civil affairs rules; applications are usually made at the community or street. Complaints about care homes go to civil affairs through the hotline.",
    },
  },
  {
    category: 'policy-consultation',
    title: { zh: '政策与办事咨询', en: 'Policies and how to get things done' },
    questions: {
      zh: ['这个事去哪里办', '办理需要什么材料', '政务服务中心几点上班'],
      en: ['Where do I go for this?', 'What documents do I need?', 'When is the service centre open?'],
    },
    answer: {
      zh: '政务服务事项的办理地点、材料和时限以“北京市政务服务网”和各区政务服务中心公布为准，很多事项可以网上办、掌上办（“京通”）。热线可告知办理渠道；需要部门解释政策的，由热线转有关单位答复。',
      en: "Where, with what and how fast a government service is done is as the city's government-services portal and the district service centres publish; many can be done online or in the city app. The hotline tells you the way; when a department must explain a policy, the hotline passes the question on.",
    },
  },
];
