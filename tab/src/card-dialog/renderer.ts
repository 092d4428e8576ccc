// The second bundle (card-dialog.js), loaded only when a card dialog opens outside Teams: the Adaptive Cards
// SDK renders the card the chat shows; its Action.Submit data (the verb inside, inputs merged) goes back to
// the page. Teams renders the same card itself in a real dialog, so this never loads there.
import { AdaptiveCard, SubmitAction, type Action } from 'adaptivecards';
import { RENDERER_GLOBAL, type CardRenderer } from './contract';

const renderer: CardRenderer = {
  render(card, onSubmit) {
    const ac = new AdaptiveCard();
    ac.onExecuteAction = (action: Action) => {
      if (action instanceof SubmitAction) onSubmit({ ...((action.data as object | undefined) ?? {}) });
    };
    ac.parse(card);
    const el = ac.render();
    if (!el) throw new Error('the card could not be rendered');
    return el;
  },
};

(window as unknown as Record<string, CardRenderer>)[RENDERER_GLOBAL] = renderer;
