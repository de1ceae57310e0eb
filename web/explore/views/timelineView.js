// @ts-check
// The timeline under the filters: a histogram of events per month (dark: known to the month;
// light: the share of events dated only to the year), a slider whose last stop is "all dates",
// and Play, which steps a month at a time and stops at "all dates".

const SVG = 'http://www.w3.org/2000/svg';

export class TimelineView {
  /**
   * @param {{ slider: HTMLInputElement, histogram: SVGSVGElement, play: HTMLButtonElement, label: HTMLElement }} parts
   * @param {(index: number) => void} onMonth index into the months; months.length is "all dates"
   */
  constructor(parts, onMonth) {
    this.parts = parts;
    this.onMonth = onMonth;
    /** @type {string[]} */
    this.months = [];
    /** @type {ReturnType<typeof setInterval> | null} */
    this.playing = null;
    this.stepMs = 700;
    parts.slider.addEventListener('input', () => {
      this.stop();
      this.onMonth(Number(parts.slider.value));
    });
    parts.play.addEventListener('click', () => (this.playing ? this.stop() : this.play()));
  }

  /**
   * @param {string[]} months
   * @param {{ month: string, exact: number, spread: number }[]} bars
   * @param {number} index the stop shown
   */
  set(months, bars, index) {
    this.months = months;
    const { slider, histogram } = this.parts;
    slider.max = String(months.length);
    slider.value = String(index);
    slider.disabled = !months.length;
    this.parts.play.disabled = !months.length;
    const top = Math.max(1, ...bars.map((b) => b.exact + b.spread));
    const width = Math.max(1, months.length + 1);
    histogram.setAttribute('viewBox', `0 0 ${width} 40`);
    histogram.replaceChildren();
    bars.forEach((b, i) => {
      const exact = (36 * b.exact) / top;
      const spread = (36 * b.spread) / top;
      /** @param {string} cls @param {number} y @param {number} h */
      const rect = (cls, y, h) => {
        const r = document.createElementNS(SVG, 'rect');
        r.setAttribute('class', cls);
        r.setAttribute('x', String(i + 0.1));
        r.setAttribute('width', '0.8');
        r.setAttribute('y', String(y));
        r.setAttribute('height', String(Math.max(h, 0)));
        const title = document.createElementNS(SVG, 'title');
        title.textContent = `${b.month}: ${b.exact} dated to the month, ${Math.round(b.spread * 10) / 10} spread from year-only dates`;
        r.append(title);
        histogram.append(r);
      };
      rect('exact', 40 - exact, exact);
      rect('spread', 40 - exact - spread, spread);
    });
    const now = document.createElementNS(SVG, 'rect');
    now.setAttribute('class', 'now');
    now.setAttribute('y', '0.5');
    now.setAttribute('height', '39');
    now.setAttribute('width', '1');
    histogram.append(now);
    this.mark(index);
    histogram.setAttribute(
      'aria-label',
      months.length ? `Events per month, ${months[0]} to ${months[months.length - 1]}` : 'No dated events shown',
    );
  }

  /** @param {number} index */
  mark(index) {
    this.parts.slider.value = String(index);
    const now = this.parts.histogram.querySelector('.now');
    if (now) {
      now.setAttribute('x', String(index));
      now.setAttribute('width', index >= this.months.length ? '0' : '1');
    }
  }

  /** @param {string} text */
  say(text) {
    this.parts.label.textContent = text;
  }

  play() {
    if (!this.months.length) return;
    let index = 0;
    this.onMonth(index);
    this.parts.play.textContent = '❚❚ Pause';
    this.playing = setInterval(() => {
      index += 1;
      this.onMonth(index);
      if (index >= this.months.length) this.stop();
    }, this.stepMs);
  }

  stop() {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    this.parts.play.textContent = '▶ Play';
  }
}
