// The Teams activity handler. Foundation version: greets on install and answers any message with the
// welcome card. The conversational guide (verbs, cards, intents) replaces the bodies, not the shape.
import { CardFactory, MessageFactory, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

export interface BotDeps {
  logger: Logger;
}

export class CompanionBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.sendWelcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.sendWelcome(context);
      await next();
    });
  }

  private async sendWelcome(context: TurnContext): Promise<void> {
    const card = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Planning Services Companion', weight: 'Bolder', size: 'Large', wrap: true },
        {
          type: 'TextBlock',
          wrap: true,
          text: 'I guide your team through Software Assurance Planning Services: eligibility, enrollment, vouchers, reports, redemption and payment.',
        },
      ],
    };
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    this.deps.logger.debug({ conversation: context.activity.conversation?.id }, 'welcome sent');
  }
}
