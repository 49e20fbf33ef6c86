/**
 * Well-known Beijing roads (and one area named after no single unit) → the street/township (街道/乡镇)
 * where their best-known stretch lies, for `address_string` (issue 13, point 10). The city data has
 * no road gazetteer, so this is a small hand-made table, not a survey.
 *
 * Sources: road names as signposted and as OpenStreetMap spells them (Chinese `name`, pinyin as on
 * the road signs); the street each runs through from public knowledge of the city (a comment names
 * the landmark where that helps). `assumed: true` marks a street chosen where the road runs through several or where
 * the author was not sure which unit holds it; the first street listed is the default, the others are
 * used when the address also names their district. A road whose name contains a street's name
 * (三里屯路 ⊃ 三里屯, 学院路) needs no entry: the street's own name finds it.
 *
 * `streets` name units as `<district>/<street>` exactly as the city data spells them; the locator
 * refuses to start with a name it does not know (a test checks every entry).
 */
export interface Road {
  readonly name: string;
  /** Pinyin as on road signs, syllables of a word joined, the road's generic part last (Lu, Jie, Dajie …). */
  readonly pinyin: string;
  /** Other spellings people write (English translations). */
  readonly en?: readonly string[];
  readonly streets: readonly string[];
  readonly assumed?: true;
}

/** The division code of the city these roads are in (Beijing); other cities have no road table. */
export const ROADS_CITY = '110000';

export const ROADS: readonly Road[] = [
  // 东城区
  {
    name: '长安街',
    pinyin: "Chang'an Jie",
    en: ["Chang'an Avenue"],
    streets: ['东城区/东华门街道', '西城区/西长安街街道'],
  }, // Tiananmen
  {
    name: '东长安街',
    pinyin: "Dongchang'an Jie",
    en: ["East Chang'an Avenue"],
    streets: ['东城区/东华门街道'],
  }, // Tiananmen to Dongdan
  {
    name: '王府井大街',
    pinyin: 'Wangfujing Dajie',
    en: ['Wangfujing Street'],
    streets: ['东城区/东华门街道'],
  },
  { name: '南锣鼓巷', pinyin: 'Nanluogu Xiang', streets: ['东城区/交道口街道'] },
  { name: '东四北大街', pinyin: 'Dongsi Beidajie', streets: ['东城区/东四街道'] },
  { name: '雍和宫大街', pinyin: 'Yonghegong Dajie', streets: ['东城区/北新桥街道'], assumed: true },
  { name: '前门大街', pinyin: 'Qianmen Dajie', streets: ['东城区/前门街道'] },
  { name: '崇文门外大街', pinyin: 'Chongwenmen Waidajie', streets: ['东城区/崇文门外街道'] },
  { name: '建国门内大街', pinyin: 'Jianguomen Neidajie', streets: ['东城区/建国门街道'] },
  { name: '北京站街', pinyin: 'Beijingzhan Jie', streets: ['东城区/建国门街道'] }, // Beijing railway station
  { name: '安定门内大街', pinyin: 'Andingmen Neidajie', streets: ['东城区/安定门街道'] },
  {
    name: '东直门内大街',
    pinyin: 'Dongzhimen Neidajie',
    en: ['Gui Street'],
    streets: ['东城区/东直门街道'],
    assumed: true,
  }, // 簋街
  {
    name: '平安大街',
    pinyin: "Ping'an Dajie",
    streets: ['东城区/交道口街道', '西城区/什刹海街道'],
    assumed: true,
  },
  // 西城区
  {
    name: '西长安街',
    pinyin: "Xichang'an Jie",
    en: ["West Chang'an Avenue"],
    streets: ['西城区/西长安街街道'],
  },
  { name: '西单北大街', pinyin: 'Xidan Beidajie', streets: ['西城区/西长安街街道'] }, // Xidan
  { name: '金融街', pinyin: 'Jinrong Jie', en: ['Financial Street'], streets: ['西城区/金融街街道'] },
  { name: '新街口外大街', pinyin: 'Xinjiekou Waidajie', streets: ['西城区/新街口街道'] },
  { name: '德胜门外大街', pinyin: 'Deshengmen Waidajie', streets: ['西城区/德胜街道'] },
  { name: '西直门外大街', pinyin: 'Xizhimen Waidajie', streets: ['西城区/展览路街道'] }, // the zoo, the exhibition centre
  { name: '阜成门内大街', pinyin: 'Fuchengmen Neidajie', streets: ['西城区/新街口街道'], assumed: true }, // 白塔寺
  { name: '烟袋斜街', pinyin: 'Yandai Xiejie', streets: ['西城区/什刹海街道'] },
  { name: '菜市口大街', pinyin: 'Caishikou Dajie', streets: ['西城区/广安门内街道'], assumed: true },
  { name: '琉璃厂西街', pinyin: 'Liulichang Xijie', streets: ['西城区/椿树街道'], assumed: true },
  // 朝阳区
  { name: '三里屯路', pinyin: 'Sanlitun Lu', streets: ['朝阳区/三里屯街道'] },
  { name: '朝阳门外大街', pinyin: 'Chaoyangmen Waidajie', streets: ['朝阳区/朝外街道'] }, // not 东城's 朝阳门
  { name: '建国门外大街', pinyin: 'Jianguomen Waidajie', streets: ['朝阳区/建外街道'] },
  { name: '建国路', pinyin: 'Jianguo Lu', streets: ['朝阳区/建外街道'], assumed: true }, // Guomao; runs on east
  { name: '光华路', pinyin: 'Guanghua Lu', streets: ['朝阳区/建外街道'] },
  {
    name: '工人体育场北路',
    pinyin: 'Gongrentiyuchang Beilu',
    en: ['Gongti Beilu', 'Gongti North Road'],
    streets: ['朝阳区/三里屯街道'],
    assumed: true,
  },
  { name: '工体北路', pinyin: 'Gongti Beilu', streets: ['朝阳区/三里屯街道'], assumed: true },
  { name: '东大桥路', pinyin: 'Dongdaqiao Lu', streets: ['朝阳区/朝外街道'], assumed: true },
  { name: '亮马桥路', pinyin: 'Liangmaqiao Lu', streets: ['朝阳区/麦子店街道'], assumed: true },
  { name: '朝阳路', pinyin: 'Chaoyang Lu', streets: ['朝阳区/八里庄街道'], assumed: true }, // Shilipu
  { name: '北辰东路', pinyin: 'Beichen Donglu', streets: ['朝阳区/亚运村街道'], assumed: true },
  { name: '安立路', pinyin: 'Anli Lu', streets: ['朝阳区/亚运村街道'], assumed: true },
  // 海淀区
  { name: '中关村大街', pinyin: 'Zhongguancun Dajie', streets: ['海淀区/中关村街道'] },
  { name: '知春路', pinyin: 'Zhichun Lu', streets: ['海淀区/中关村街道'], assumed: true },
  { name: '颐和园路', pinyin: 'Yiheyuan Lu', streets: ['海淀区/燕园街道'], assumed: true }, // Peking University
  { name: '苏州街', pinyin: 'Suzhou Jie', streets: ['海淀区/海淀街道'], assumed: true },
  { name: '复兴路', pinyin: 'Fuxing Lu', streets: ['海淀区/万寿路街道'], assumed: true },
  { name: '西直门北大街', pinyin: 'Xizhimen Beidajie', streets: ['海淀区/北下关街道'], assumed: true },
  // 丰台区, 石景山区
  { name: '丽泽路', pinyin: 'Lize Lu', streets: ['丰台区/太平桥街道'], assumed: true },
  { name: '石景山路', pinyin: 'Shijingshan Lu', streets: ['石景山区/八宝山街道'], assumed: true },
  // outer districts
  { name: '运河东大街', pinyin: 'Yunhe Dongdajie', streets: ['通州区/潞源街道'], assumed: true },
  { name: '兴华大街', pinyin: 'Xinghua Dajie', streets: ['大兴区/兴丰街道'], assumed: true },
  {
    name: '天通苑',
    pinyin: 'Tiantongyuan',
    streets: ['昌平区/天通苑南街道', '昌平区/天通苑北街道'],
  }, // an area: two street offices are named after it
  { name: '新桥大街', pinyin: 'Xinqiao Dajie', streets: ['门头沟区/大峪街道'], assumed: true },
  { name: '青春路', pinyin: 'Qingchun Lu', streets: ['怀柔区/泉河街道'], assumed: true },
];
