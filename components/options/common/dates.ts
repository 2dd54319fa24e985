import { isKorean } from '@/components/ui/localized';

/** When a step passed, in the operator's language. */
export function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(isKorean() ? 'ko-KR' : undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    ms,
  );
}
