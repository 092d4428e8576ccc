// es-ES texts that guide a newcomer: intake defaults, steps asked out of order, the eligibility summary.
import type { GuidanceKey } from './en-guidance';
import type { Message } from './types';

export const esESGuidance: Record<GuidanceKey, Message> = {
  'intake.default': 'Hoy de forma predeterminada: cámbiala si el vale se asignó antes',
  'intake.noVoucherFound':
    'No he encontrado ningún vale en ese mensaje. Introduce el vale tal como lo envió el cliente o pega el correo completo.',
};
