// Korean particles depend on whether the word before them ends in a final consonant (받침).

/** 'topic' → 은/는, 'object' → 을/를, 'subject' → 이/가, 'direction' → 으로/로; "은(는)" when unknown (Latin, digits). */
export function josa(word: string, kind: 'topic' | 'object' | 'subject' | 'direction'): string {
  const forms = { topic: ['은', '는'], object: ['을', '를'], subject: ['이', '가'], direction: ['으로', '로'] }[kind];
  const [withBatchim, without] = forms as [string, string];
  const last = word.trim().at(-1);
  const code = last ? last.charCodeAt(0) - 0xac00 : -1;
  if (code < 0 || code > 11171) return `${withBatchim}(${without})`;
  const final = code % 28;
  // ㄹ takes 로, not 으로.
  if (kind === 'direction' && final === 8) return without;
  return final === 0 ? without : withBatchim;
}

/** The word followed by its particle, e.g. 주문톡스토어 + topic → "주문톡스토어는". */
export function withJosa(word: string, kind: Parameters<typeof josa>[1]): string {
  return `${word}${josa(word, kind)}`;
}
