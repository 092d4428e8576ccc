// The page's polite live region: what screen readers are told after a list reload or a download.
import { h } from './dom';

export class Announcer {
  readonly element: HTMLElement = h('div', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    role: 'status',
    id: 'announcer',
  });

  say(text: string): void {
    this.element.textContent = '';
    // A separate task so screen readers notice the change even when the text repeats.
    setTimeout(() => {
      this.element.textContent = text;
    }, 50);
  }
}
