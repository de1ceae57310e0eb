// @ts-check
// A message over the graph for what went wrong, with what a person can do: Retry, or search.
import { el } from '../dom.js';

export class Notice {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.root = root;
  }

  /**
   * @param {string} message
   * @param {{ label: string, run: () => void }[]} [actions]
   */
  show(message, actions = []) {
    this.root.replaceChildren(el('p', message));
    for (const action of actions) {
      const button = el('button', action.label);
      button.type = 'button';
      button.addEventListener('click', () => action.run());
      this.root.append(button);
    }
    const dismiss = el('button', 'Dismiss');
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => this.hide());
    this.root.append(dismiss);
    this.root.hidden = false;
  }

  hide() {
    this.root.hidden = true;
    this.root.replaceChildren();
  }
}
