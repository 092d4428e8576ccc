// pt-BR texts that guide a newcomer: intake defaults, steps asked out of order, the eligibility summary.
import type { GuidanceKey } from './en-guidance';
import type { Message } from './types';

export const ptBRGuidance: Record<GuidanceKey, Message> = {
  'intake.default': 'Hoje, por padrão – altere se o voucher foi atribuído antes',
  'intake.noVoucherFound':
    'Não encontrei nenhum voucher nessa mensagem. Informe o voucher como o cliente o enviou ou cole o email inteiro.',
};
