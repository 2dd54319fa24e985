/**
 * Real time plus an offset tests can move (control.advanceClock): delivery reports and the ±15 min window.
 * Frozen (control.freezeClock), it stands still between advances, so a test on a busy machine cannot drift
 * past a status change by itself.
 */
export class Clock {
  private offset = 0;
  private frozenAt: number | undefined;
  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }
  set(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = ms;
    else this.offset = ms - Date.now();
  }
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offset += ms;
  }
  freeze(frozen: boolean): void {
    if (frozen) this.frozenAt ??= this.now();
    else if (this.frozenAt !== undefined) {
      this.offset = this.frozenAt - Date.now();
      this.frozenAt = undefined;
    }
  }
  reset(): void {
    this.offset = 0;
    this.frozenAt = undefined;
  }
}
