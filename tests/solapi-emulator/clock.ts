/** Real time plus an offset tests can move (control.advanceClock): delivery reports and the ±15 min window. */
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
