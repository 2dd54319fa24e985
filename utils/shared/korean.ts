// Korean particles depend on whether the word before them, as read aloud, ends in a final consonant (받침).
// One helper for every place a name, product or number is inserted: never "을(를)".

export type JosaKind = 'topic' | 'object' | 'subject' | 'direction' | 'with';

const FORMS: Record<JosaKind, [withFinal: string, without: string]> = {
  topic: ['은', '는'],
  object: ['을', '를'],
  subject: ['이', '가'],
  direction: ['으로', '로'],
  with: ['과', '와'],
};

/** How the word's last sound ends: no final consonant, ㄹ (takes 로), or another final consonant. */
type Ending = 'vowel' | 'rieul' | 'consonant';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8;

function hangulEnding(ch: string): Ending | undefined {
  const code = ch.charCodeAt(0);
  if (code < HANGUL_FIRST || code > HANGUL_LAST) return undefined;
  const final = (code - HANGUL_FIRST) % 28;
  return final === 0 ? 'vowel' : final === RIEUL ? 'rieul' : 'consonant';
}

// Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구. Tens and up end on 십/백/천/만.
const DIGIT: Ending[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];

function numberEnding(digits: string): Ending {
  const n = digits.replace(/^0+(?=\d)/, '');
  const last = Number(n.at(-1));
  if (last !== 0 || n === '0') return DIGIT[last]!;
  // 10 십, 100 백, 1000 천, 10000 만: all end in a consonant; 십 and 백 are not ㄹ either.
  return 'consonant';
}

// Units read in Korean: 350ml → 밀리리터, 5kg → 킬로그램, 30cm → 센티미터.
const UNITS: Record<string, Ending> = {
  ml: 'vowel',
  l: 'vowel',
  kl: 'vowel',
  g: 'consonant',
  kg: 'consonant',
  mg: 'consonant',
  m: 'vowel',
  cm: 'vowel',
  mm: 'vowel',
  km: 'vowel',
  oz: 'vowel',
  ea: 'vowel',
  p: 'vowel',
  t: 'vowel',
};

// Letters as spelled out (acronyms, single letters): 엘 엠 엔 알 end in a consonant, ㄹ for L and R.
const LETTER_NAME: Record<string, Ending> = { l: 'rieul', r: 'rieul', m: 'consonant', n: 'consonant' };

function latinEnding(word: string): Ending {
  const lower = word.toLowerCase();
  const unit = /\d\s*([a-z]+)$/.exec(lower)?.[1];
  if (unit && unit in UNITS) return UNITS[unit]!;
  const letters = /[a-z]+$/.exec(lower)![0];
  const spelled = /[A-Z]+$/.exec(word)?.[0];
  // An acronym or a single letter is read letter by letter: SMS → 에스에스, CJ → 씨제이, HTML → 에이치티엠엘.
  if (letters.length === 1 || (spelled && spelled.length === letters.length)) {
    return LETTER_NAME[letters.at(-1)!] ?? 'vowel';
  }
  // A word is read as written: Talk → 톡, shop → 숍, Club → 클럽, Tiger → 타이거, Store → 스토어.
  if (/ng$/.test(letters)) return 'consonant';
  if (/(le|l)$/.test(letters)) return 'rieul';
  if (/[bckmnpt]$/.test(letters)) return 'consonant';
  return 'vowel';
}

/** The sound the word ends on, skipping closing brackets, quotes and punctuation after it. */
function ending(word: string): Ending {
  const core = word.replace(/[\s)\]}'"’”.,!?~…·\-_/]+$/u, '');
  const last = core.at(-1);
  if (!last) return 'vowel';
  const h = hangulEnding(last);
  if (h) return h;
  if (/[0-9]/.test(last)) return numberEnding(/\d+$/.exec(core)![0]);
  if (/[a-zA-Z]/.test(last)) return latinEnding(core);
  // Emoji, symbols, other scripts: read the word before them if there is one.
  const rest = core.slice(0, -[...core].at(-1)!.length);
  return rest ? ending(rest) : 'vowel';
}

/**
 * The particle that follows this word: 'topic' 은/는, 'object' 을/를, 'subject' 이/가, 'direction' 으로/로
 * (로 after ㄹ), 'with' 과/와. Hangul by its final consonant; digits as read in Korean (3 삼 → 을, 2 이 → 를);
 * units as read (350ml 밀리리터 → 를, 5kg 킬로그램 → 을); Latin words as they sound (OrderTalk → 은).
 */
export function josa(word: string, kind: JosaKind): string {
  const [withFinal, without] = FORMS[kind];
  const e = ending(word);
  if (e === 'vowel') return without;
  if (e === 'rieul' && kind === 'direction') return without;
  return withFinal;
}

/** The word followed by its particle, e.g. 주문톡스토어 + topic → "주문톡스토어는". */
export function withJosa(word: string, kind: JosaKind): string {
  return `${word}${josa(word, kind)}`;
}
