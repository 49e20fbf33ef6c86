/**
 * Text matching for the dispatcher's look-ups (派单目录, 知识库): what a trainee types is cut into
 * tokens, each compared with names and keywords: Chinese tokens with Chinese terms (characters),
 * Latin ones with English and pinyin terms (letters only, case and spaces ignored, ü as u).
 */

const HAN = /[\u3400-\u9fff]/;

/** Terms to compare tokens with: Chinese ones and Latin ones, each folded ({@link foldZh}, {@link foldEn}). */
export interface Terms {
  zh: string[];
  en: string[];
}

/** A Chinese term as compared: characters and digits only. */
export const foldZh = (text: string): string => text.replace(/[^\u3400-\u9fff0-9a-zA-Z]+/g, '');

/** A Latin term as compared: lower-case letters and digits only, ü as u. */
export const foldEn = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ü/g, 'u')
    .replace(/[^a-z0-9]+/g, '');

/** Terms from Chinese and English texts, folded, empty ones dropped. */
export function termsOf(zh: readonly string[], en: readonly string[]): Terms {
  return {
    zh: [...new Set(zh.map(foldZh))].filter((t) => t.length > 0),
    en: [...new Set(en.map(foldEn))].filter((t) => t.length > 0),
  };
}

/** One word of a query, folded, and whether it is Chinese. */
export interface Token {
  text: string;
  zh: boolean;
}

/** English words that say nothing about a matter or a place. */
const STOP_WORDS = new Set(
  'the and for how what who where when why can could does with from into about there this that you your our has have not are was were'.split(
    ' ',
  ),
);

/**
 * The tokens of a query: its words as typed (split on spaces and punctuation, full-width forms
 * folded), Chinese or Latin. Latin words shorter than three letters and English stop words are dropped.
 */
export function tokens(query: string): Token[] {
  const out: Token[] = [];
  for (const word of query.normalize('NFKC').split(/[\s,，、;；。.!！?？/|:：()（）"“”'‘’]+/u)) {
    if (HAN.test(word)) {
      const text = foldZh(word);
      if (text.length > 0) out.push({ text, zh: true });
    } else {
      const text = foldEn(word);
      if (text.length >= 3 && !STOP_WORDS.has(text)) out.push({ text, zh: false });
    }
  }
  return out;
}

/**
 * How well a token names a term: 3 the same, 2 the token contains the term (a sentence that
 * mentions it), 1 the term contains the token (a prefix typed), 0 not at all. Short terms and tokens
 * match only whole: one Chinese character or three letters say too little.
 */
export function termScore(token: string, term: string, zh: boolean): number {
  if (token === term) return 3;
  if (term.length >= (zh ? 2 : 4) && token.includes(term)) return 2;
  if (token.length >= (zh ? 2 : 3) && term.includes(token)) return 1;
  return 0;
}

/** The best score of a token against the terms of its script. */
export function bestScore(token: Token, terms: Terms): number {
  let best = 0;
  for (const term of token.zh ? terms.zh : terms.en) {
    const s = termScore(token.text, term, token.zh);
    if (s > best) {
      best = s;
      if (best === 3) break;
    }
  }
  return best;
}
