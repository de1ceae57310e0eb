// @ts-check
// The context menu of a node (right-click, long-press, or Shift+F10 in the node list): a
// role="menu" of buttons, ↑ ↓ to move, Escape to close, focus back where it was.
import { el } from '../dom.js';

/** @typedef {{ label: string, run: () => void, disabled?: boolean }} MenuItem */

export class Menu {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.root = root;
    /** @type {HTMLElement | null} */
    this.returnTo = null;
    root.addEventListener('keydown', (event) => {
      const items = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('[role="menuitem"]:not([disabled])')]);
      const at = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      } else if (event.key === 'Tab') {
        this.close();
      }
    });
    document.addEventListener('pointerdown', (event) => {
      if (!root.hidden && !root.contains(/** @type {Node} */ (event.target))) this.close();
    });
  }

  /**
   * @param {string} title
   * @param {MenuItem[]} items
   * @param {{ x: number, y: number }} at in the menu's container (main)
   */
  open(title, items, at) {
    this.returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.root.replaceChildren(el('div', title, 'menu-title'));
    for (const item of items) {
      const button = el('button', item.label);
      button.type = 'button';
      button.setAttribute('role', 'menuitem');
      button.tabIndex = -1;
      button.disabled = !!item.disabled;
      button.addEventListener('click', () => {
        this.close(false);
        item.run();
      });
      this.root.append(button);
    }
    this.root.hidden = false;
    const box = /** @type {HTMLElement} */ (this.root.parentElement).getBoundingClientRect();
    const x = Math.max(4, Math.min(at.x, box.width - this.root.offsetWidth - 4));
    const y = Math.max(4, Math.min(at.y, box.height - this.root.offsetHeight - 4));
    this.root.style.left = `${x}px`;
    this.root.style.top = `${y}px`;
    /** @type {HTMLElement | null} */ (this.root.querySelector('[role="menuitem"]:not([disabled])'))?.focus();
  }

  close(restoreFocus = true) {
    if (this.root.hidden) return;
    this.root.hidden = true;
    if (restoreFocus && this.returnTo && document.contains(this.returnTo)) this.returnTo.focus();
  }
}
