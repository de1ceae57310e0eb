// @ts-check
// Search as you type, as an ARIA combobox with a listbox of options: ↑ ↓ move through the
// hits, Enter opens the one chosen (the top hit when none is), Escape closes the list.
import { el } from '../dom.js';

/** @typedef {{ id: string, label: string, name: string, names: string[] }} Hit */

export class Search {
  /**
   * @param {{ input: HTMLInputElement, list: HTMLElement, form: HTMLFormElement }} parts
   * @param {(text: string) => Promise<Hit[]>} find
   * @param {(hit: Hit) => void} pick
   * @param {(label: string) => string} colorOf
   */
  constructor(parts, find, pick, colorOf) {
    this.input = parts.input;
    this.list = parts.list;
    this.find = find;
    this.pick = pick;
    this.colorOf = colorOf;
    /** @type {Hit[]} */
    this.hits = [];
    /** The text the hits are for. */
    this.hitsFor = '';
    this.active = -1;
    this.ticket = 0;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.typing = null;
    this.input.addEventListener('input', () => this.onType());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    parts.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.openTop();
    });
    document.addEventListener('click', (event) => {
      if (!parts.form.contains(/** @type {Node} */ (event.target))) this.close();
    });
  }

  onType() {
    if (this.typing) clearTimeout(this.typing);
    const text = this.input.value;
    this.typing = setTimeout(() => {
      this.typing = null;
      void this.run(text);
    }, 200);
  }

  /** Asks for the text; an answer to an older keystroke than the last is dropped. @param {string} text */
  async run(text) {
    const ticket = ++this.ticket;
    if (!text.trim()) {
      this.close();
      return;
    }
    try {
      const hits = await this.find(text);
      if (ticket !== this.ticket) return;
      this.show(text, hits);
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.hits = [];
      this.list.replaceChildren(el('li', error instanceof Error ? error.message : String(error), 'none error'));
      this.open();
    }
  }

  /** @param {string} text @param {Hit[]} hits */
  show(text, hits) {
    this.hits = hits;
    this.hitsFor = text;
    this.active = -1;
    this.list.replaceChildren();
    if (!hits.length) {
      const none = el('li', `No match for ${text}`, 'none');
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      this.list.append(none);
    }
    hits.forEach((hit, i) => {
      const li = el('li');
      li.id = `search-option-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.id = hit.id;
      const swatch = el('span', null, 'swatch');
      swatch.style.background = this.colorOf(hit.label);
      const others = hit.names.filter((n) => n !== hit.name).join(' · ');
      li.append(swatch, ' ', hit.name, ' ', el('span', `${hit.label}${others ? ` · ${others}` : ''}`, 'hint'));
      li.addEventListener('click', () => this.choose(hit));
      this.list.append(li);
    });
    this.open();
  }

  open() {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  /** @param {Hit} hit */
  choose(hit) {
    this.close();
    this.pick(hit);
  }

  /** @param {number} index */
  activate(index) {
    const options = [...this.list.querySelectorAll('li[data-id]')];
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
    const current = /** @type {HTMLElement} */ (options[this.active]);
    this.input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (this.list.hidden && this.hits.length) this.open();
      this.activate(this.active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      this.close();
    } else if (event.key === 'Enter' && this.active >= 0 && !this.list.hidden) {
      event.preventDefault();
      const hit = this.hits[this.active];
      if (hit) this.choose(hit);
    }
  }

  /** Enter with no hit chosen: the top hit for the text as typed (searching first if need be). */
  async openTop() {
    if (this.typing) clearTimeout(this.typing);
    this.typing = null;
    const text = this.input.value;
    if (!text.trim()) return;
    if (this.hitsFor !== text) await this.run(text);
    const top = this.hitsFor === text ? this.hits[0] : undefined;
    if (top) this.choose(top);
  }
}
