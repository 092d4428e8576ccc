// es-ES texts added for the newcomer's journey (issue #14); en-journey-steps.ts defines the keys.
import type { JourneyStepsKey } from './en-journey-steps';
import type { Message } from './types';

export const esESJourneySteps: Record<JourneyStepsKey, Message> = {
  'enrollment.location': 'Ubicación aprobada: {locations}',
  'refusal.enrollment.renewalNotOpen':
    'La inscripción en {offeringId} se puede renovar a partir del {opensOn} (vence el {dueOn}).',
};
