/**
 * One progress line on stderr: rewritten in place with \r on a terminal, a plain line every few
 * seconds otherwise (CI logs, pipes), so long loads show they are alive and when they will end.
 */
export class Progress {
  private readonly started = Date.now();
  private lastPrint = 0;
  private done = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'records',
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  add(n: number): void {
    this.done += n;
    const now = Date.now();
    if (now - this.lastPrint >= (this.out.isTTY ? 200 : 5000)) {
      this.lastPrint = now;
      this.print(false);
    }
  }

  finish(): { seconds: number; rate: number } {
    this.print(true);
    const seconds = (Date.now() - this.started) / 1000;
    return { seconds, rate: this.done / Math.max(seconds, 1e-3) };
  }

  private print(final: boolean): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = this.done / Math.max(seconds, 1e-3);
    const fraction = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const eta = rate > 0 && !final ? Math.max(0, (this.total - this.done) / rate) : 0;
    const width = 24;
    const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
    const line =
      `${this.label} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')} ${this.unit}, ` +
      `${Math.round(rate).toLocaleString('en')}/s, ${final ? `${seconds.toFixed(1)} s` : `ETA ${eta.toFixed(0)} s`}`;
    if (this.out.isTTY) this.out.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else this.out.write(`${line}\n`);
  }
}
