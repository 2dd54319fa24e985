/** A clock tests can move: real time plus an offset, or a fixed start plus the time since. */
export class Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  set(ms: number): void {
    this.offset = ms - Date.now();
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  reset(): void {
    this.offset = 0;
  }
}

/** Kakao's daily quotas reset on the Korean calendar day (UTC+9, no DST). */
export function seoulDay(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
}
