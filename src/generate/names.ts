import type { Prng } from './prng';

/**
 * Synthetic names in traditional Chinese with their English (pinyin) forms. The simplified forms
 * are not written here: toFactRows derives them (src/model/names.ts), as it does for real facts.
 */

/** Common surnames, most frequent first, with rough weights: 陳 and 楊 get thousands of people. */
const SURNAMES: readonly [string, string, number][] = [
  ['陳', 'Chen', 11],
  ['王', 'Wang', 10],
  ['李', 'Li', 10],
  ['張', 'Zhang', 9],
  ['劉', 'Liu', 8],
  ['楊', 'Yang', 6],
  ['黃', 'Huang', 5],
  ['趙', 'Zhao', 4],
  ['吳', 'Wu', 4],
  ['周', 'Zhou', 4],
  ['徐', 'Xu', 3],
  ['孫', 'Sun', 3],
  ['馬', 'Ma', 3],
  ['朱', 'Zhu', 3],
  ['胡', 'Hu', 3],
  ['郭', 'Guo', 2],
  ['何', 'He', 2],
  ['林', 'Lin', 2],
  ['羅', 'Luo', 2],
  ['高', 'Gao', 2],
  ['鄭', 'Zheng', 2],
  ['梁', 'Liang', 2],
  ['謝', 'Xie', 2],
  ['宋', 'Song', 1],
  ['唐', 'Tang', 1],
  ['許', 'Xu', 1],
  ['鄧', 'Deng', 1],
  ['馮', 'Feng', 1],
  ['韓', 'Han', 1],
  ['曹', 'Cao', 1],
  ['曾', 'Zeng', 1],
  ['彭', 'Peng', 1],
  ['蕭', 'Xiao', 1],
  ['蔡', 'Cai', 1],
  ['潘', 'Pan', 1],
  ['田', 'Tian', 1],
  ['董', 'Dong', 1],
  ['袁', 'Yuan', 1],
  ['於', 'Yu', 1],
  ['葉', 'Ye', 1],
  ['蔣', 'Jiang', 1],
  ['杜', 'Du', 1],
  ['蘇', 'Su', 1],
  ['魏', 'Wei', 1],
  ['程', 'Cheng', 1],
  ['呂', 'Lyu', 1],
  ['丁', 'Ding', 1],
  ['沈', 'Shen', 1],
  ['鍾', 'Zhong', 1],
  ['盧', 'Lu', 1],
];
const SURNAME_WEIGHTS = SURNAMES.map((s) => s[2]);

/** Characters of given names, many with a different simplified form (偉/伟, 國/国, 華/华). */
const GIVEN: readonly [string, string][] = [
  ['偉', 'wei'],
  ['國', 'guo'],
  ['華', 'hua'],
  ['強', 'qiang'],
  ['軍', 'jun'],
  ['傑', 'jie'],
  ['濤', 'tao'],
  ['明', 'ming'],
  ['輝', 'hui'],
  ['鵬', 'peng'],
  ['飛', 'fei'],
  ['龍', 'long'],
  ['麗', 'li'],
  ['靜', 'jing'],
  ['敏', 'min'],
  ['燕', 'yan'],
  ['艷', 'yan'],
  ['娟', 'juan'],
  ['霞', 'xia'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['琳', 'lin'],
  ['峰', 'feng'],
  ['宇', 'yu'],
  ['浩', 'hao'],
  ['凱', 'kai'],
  ['帥', 'shuai'],
  ['劍', 'jian'],
  ['東', 'dong'],
  ['海', 'hai'],
  ['學', 'xue'],
  ['曉', 'xiao'],
  ['紅', 'hong'],
  ['雲', 'yun'],
  ['鳳', 'feng'],
  ['長', 'chang'],
  ['興', 'xing'],
  ['志', 'zhi'],
  ['勇', 'yong'],
  ['磊', 'lei'],
  ['潔', 'jie'],
  ['嬌', 'jiao'],
  ['植', 'zhi'],
  ['麟', 'lin'],
  ['韜', 'tao'],
  ['嘯', 'xiao'],
  ['虎', 'hu'],
  ['駿', 'jun'],
  ['聰', 'cong'],
  ['綺', 'qi'],
  ['嵐', 'lan'],
  ['銘', 'ming'],
  ['瑋', 'wei'],
  ['鑫', 'xin'],
  ['藝', 'yi'],
  ['詩', 'shi'],
];

/** Syllables of company names, with an English rendering. */
const STEMS: readonly [string, string][] = [
  ['智', 'Zhi'],
  ['譜', 'Pu'],
  ['星', 'Xing'],
  ['雲', 'Yun'],
  ['海', 'Hai'],
  ['華', 'Hua'],
  ['訊', 'Xun'],
  ['達', 'Da'],
  ['騰', 'Teng'],
  ['靈', 'Ling'],
  ['數', 'Shu'],
  ['深', 'Shen'],
  ['遠', 'Yuan'],
  ['極', 'Ji'],
  ['光', 'Guang'],
  ['元', 'Yuan'],
  ['啟', 'Qi'],
  ['銳', 'Rui'],
  ['聯', 'Lian'],
  ['創', 'Chuang'],
  ['源', 'Yuan'],
  ['澤', 'Ze'],
  ['曜', 'Yao'],
  ['瀾', 'Lan'],
  ['鯨', 'Jing'],
  ['龍', 'Long'],
  ['鳳', 'Feng'],
  ['億', 'Yi'],
  ['萬', 'Wan'],
  ['通', 'Tong'],
  ['階', 'Jie'],
  ['躍', 'Yue'],
  ['量', 'Liang'],
  ['維', 'Wei'],
  ['築', 'Zhu'],
  ['燈', 'Deng'],
  ['塔', 'Ta'],
  ['島', 'Dao'],
  ['橋', 'Qiao'],
  ['鏈', 'Lian'],
  ['脈', 'Mai'],
  ['興', 'Xing'],
];

/** Company name endings by category, with the English ending. */
export const ORG_KINDS: readonly { suffix: string; en: string; category: string; weight: number }[] = [
  { suffix: '智能', en: 'AI', category: 'AI_STARTUP', weight: 30 },
  { suffix: '科技', en: 'Technology', category: 'AI_STARTUP', weight: 20 },
  { suffix: '創投', en: 'Ventures', category: 'VENTURE_INVESTOR', weight: 12 },
  { suffix: '資本', en: 'Capital', category: 'PRIVATE_EQUITY', weight: 8 },
  { suffix: '網絡', en: 'Networks', category: 'INTERNET_COMPANY', weight: 8 },
  { suffix: '數據', en: 'Data', category: 'DATA_PROVIDER', weight: 6 },
  { suffix: '雲', en: 'Cloud', category: 'CLOUD_PROVIDER', weight: 4 },
  { suffix: '研究院', en: 'Institute', category: 'RESEARCH_INSTITUTE', weight: 4 },
  { suffix: '大學', en: 'University', category: 'UNIVERSITY', weight: 3 },
  { suffix: '移動', en: 'Mobile', category: 'HANDSET_MAKER', weight: 2 },
  { suffix: '傳媒', en: 'Media', category: 'MEDIA', weight: 2 },
  { suffix: '商城', en: 'Mall', category: 'E_COMMERCE', weight: 1 },
];
const ORG_WEIGHTS = ORG_KINDS.map((k) => k.weight);

export interface GeneratedName {
  name: string;
  english: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function personName(rng: Prng): GeneratedName & { surname: string } {
  const [surname, surnameEn] = SURNAMES[rng.weighted(SURNAME_WEIGHTS)]!;
  const given = Array.from({ length: rng.chance(0.8) ? 2 : 1 }, () => rng.pick(GIVEN));
  return {
    surname,
    name: surname + given.map((g) => g[0]).join(''),
    english: `${surnameEn} ${capitalise(given.map((g) => g[1]).join(''))}`,
  };
}

export function organizationName(rng: Prng): GeneratedName & { category: string } {
  const stems = Array.from({ length: rng.chance(0.7) ? 2 : 3 }, () => rng.pick(STEMS));
  const kind = ORG_KINDS[rng.weighted(ORG_WEIGHTS)]!;
  const stem = stems.map((s) => s[1].toLowerCase()).join('');
  return {
    name: stems.map((s) => s[0]).join('') + kind.suffix,
    english: `${capitalise(stem)} ${kind.en}`,
    category: kind.category,
  };
}

export function productName(rng: Prng, maker: GeneratedName): GeneratedName {
  const stem = maker.name.slice(0, 2);
  const version = rng.between(1, 9);
  const kind = rng.pick([
    ['大模型', 'LM'],
    ['助手', 'Assistant'],
    ['GPT', 'GPT'],
    ['視覺模型', 'Vision'],
  ] as const);
  return { name: `${stem}${kind[0]}${version}`, english: `${maker.english.split(' ')[0]} ${kind[1]} ${version}` };
}

export function groupName(rng: Prng, around: GeneratedName): GeneratedName {
  const kind = rng.pick([
    ['創始團隊', 'founding team'],
    ['投資機構', 'investors'],
    ['核心團隊', 'core team'],
    ['聯盟', 'alliance'],
  ] as const);
  return { name: `${around.name}${kind[0]}`, english: `${around.english} ${kind[1]}` };
}

/** A slug for ids, from the English form. */
export function slug(english: string): string {
  return english
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
