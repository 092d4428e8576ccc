// What the card-dialog bundle gives the page: one function that renders a card and reports its submits.
export const RENDERER_GLOBAL = 'pscCardRenderer';

export interface CardRenderer {
  render(card: Record<string, unknown>, onSubmit: (data: Record<string, unknown>) => void): HTMLElement;
}
