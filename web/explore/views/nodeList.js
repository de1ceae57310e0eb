// @ts-check
// The nodes on screen as a table: every node reachable with the keyboard, kept in step with the
// canvas (a node selected on one is selected on the other). Each name is a button: focus selects
// and centres it; Enter expands; Delete hides; Shift+F10 or the context-menu key opens its menu.
import { el } from '../dom.js';

/** @typedef {{ id: string, name: string, label: string | null, degree: number, pagerank: number }} Row */

export class NodeList {
  /**
   * @param {HTMLTableElement} table
   * @param {{ focus(id: string): void, expand(id: string): void, hide(id: string): void, menu(id: string, anchor: HTMLElement): void }} actions
   */
  constructor(table, actions) {
    this.table = table;
    this.body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
    this.actions = actions;
    /** @type {keyof Row} */
    this.sortBy = 'pagerank';
    /** @type {Row[]} */
    this.rows = [];
    this.selected = /** @type {string | null} */ (null);
    /** Set while a re-render puts focus back: that focus is not a choice of the user's. */
    this.restoring = false;
    table.querySelectorAll('th button').forEach((button) =>
      button.addEventListener('click', () => {
        this.sortBy = /** @type {keyof Row} */ (/** @type {HTMLElement} */ (button).dataset.sort);
        this.render();
      }),
    );
  }

  /** @param {Row[]} rows */
  update(rows) {
    this.rows = rows;
    this.render();
  }

  render() {
    const key = this.sortBy;
    const numeric = key === 'degree' || key === 'pagerank';
    const rows = [...this.rows].sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (numeric) return Number(y) - Number(x) || (a.name < b.name ? -1 : 1);
      return String(x ?? '').localeCompare(String(y ?? '')) || (a.id < b.id ? -1 : 1);
    });
    this.table.querySelectorAll('th').forEach((th) => {
      const sort = th.querySelector('button')?.dataset.sort;
      if (sort === key) th.setAttribute('aria-sort', numeric ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    const focused =
      document.activeElement instanceof HTMLElement && this.body.contains(document.activeElement)
        ? document.activeElement.dataset.id
        : null;
    this.body.replaceChildren(
      ...rows.map((row) => {
        const tr = el('tr');
        tr.dataset.id = row.id;
        tr.setAttribute('aria-selected', String(row.id === this.selected));
        const name = el('button', row.name);
        name.type = 'button';
        name.dataset.id = row.id;
        name.addEventListener('focus', () => this.restoring || this.actions.focus(row.id));
        name.addEventListener('click', () => this.actions.expand(row.id));
        name.addEventListener('keydown', (event) => this.onKey(event, row.id, name));
        const first = el('td');
        first.append(name);
        tr.append(
          first,
          el('td', row.label || ''),
          el('td', String(row.degree), 'num'),
          el('td', row.pagerank.toFixed(3), 'num'),
        );
        return tr;
      }),
    );
    // keyboard focus stays on its row across a re-render, without selecting it again
    this.restoring = true;
    if (focused)
      /** @type {HTMLElement | null} */ (this.body.querySelector(`button[data-id="${CSS.escape(focused)}"]`))?.focus({
        preventScroll: true,
      });
    this.restoring = false;
  }

  /** @param {KeyboardEvent} event @param {string} id @param {HTMLElement} button */
  onKey(event, id, button) {
    const buttons = /** @type {HTMLElement[]} */ ([...this.body.querySelectorAll('button')]);
    const at = buttons.indexOf(button);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      (buttons[at + 1] || buttons[at - 1])?.focus();
      this.actions.hide(id);
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      this.actions.menu(id, button);
    }
  }

  /** Marks the node selected on the canvas, and brings its row into view. @param {string | null} id */
  select(id) {
    this.selected = id;
    this.body.querySelectorAll('tr').forEach((tr) => tr.setAttribute('aria-selected', String(tr.dataset.id === id)));
    if (id) this.body.querySelector(`tr[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }
}
