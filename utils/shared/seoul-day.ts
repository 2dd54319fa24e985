/** The Korean calendar day (UTC+9, no DST) on which Kakao's quotas reset. */
export function seoulDay(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}
