// pt-BR texts added for the newcomer's journey (issue #14); en-journey-steps.ts defines the keys.
import type { JourneyStepsKey } from './en-journey-steps';
import type { Message } from './types';

export const ptBRJourneySteps: Record<JourneyStepsKey, Message> = {
  'enrollment.location': 'Local aprovado: {locations}',
  'refusal.enrollment.renewalNotOpen':
    'A inscrição em {offeringId} pode ser renovada a partir de {opensOn} (o vencimento é em {dueOn}).',
};
