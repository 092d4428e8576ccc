// One titled card of the page, labelled by its heading.
import { h } from '../dom';

export function cardSection(id: string, title: string, ...children: (Node | null | false)[]): HTMLElement {
  const headingId = `${id}-heading`;
  return h(
    'section',
    { id, 'aria-labelledby': headingId, class: 'card' },
    h('h2', { id: headingId }, title),
    ...children,
  );
}
