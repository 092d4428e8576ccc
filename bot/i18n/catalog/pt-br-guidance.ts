// pt-BR texts that guide a newcomer: intake defaults, steps asked out of order, the eligibility summary.
import type { GuidanceKey } from './en-guidance';
import type { Message } from './types';

export const ptBRGuidance: Record<GuidanceKey, Message> = {
  'intake.default': 'Hoje, por padrão – altere se o voucher foi atribuído antes',
  'intake.noVoucherFound':
    'Não encontrei nenhum voucher nessa mensagem. Informe o voucher como o cliente o enviou ou cole o email inteiro.',
  'stepOrder.message': '{wanted}: {first}.',
  'stepOrder.wanted.reserve': 'Ainda não é possível reservar o voucher {voucher}',
  'stepOrder.wanted.cancel': 'O voucher {voucher} ainda não tem reserva para cancelar',
  'stepOrder.wanted.deliver': 'Ainda não é possível marcar o voucher {voucher} como entregue',
  'stepOrder.wanted.report': 'Ainda não é possível enviar o relatório de conclusão do voucher {voucher}',
  'stepOrder.wanted.redeem': 'Ainda não é possível resgatar o voucher {voucher}',
  'stepOrder.wanted.payment': 'Ainda não é possível enviar a solicitação de pagamento do voucher {voucher}',
  'stepOrder.wanted.outcome': 'Ainda não é possível registrar o resultado do pagamento do voucher {voucher}',
  'stepOrder.first.reserve': 'antes é preciso reservá-lo',
  'stepOrder.first.deliver': 'antes é preciso marcar o projeto de planejamento como entregue',
  'stepOrder.first.report': 'antes é preciso enviar o relatório de conclusão',
  'stepOrder.first.redeem': 'antes é preciso resgatá-lo',
  'stepOrder.first.payment': 'antes é preciso enviar a solicitação de pagamento',
  'stepOrder.first.outcome': 'antes é preciso registrar o resultado do pagamento',
  'stepOrder.noVoucher': 'Ainda não há nenhum voucher: antes, cadastre o voucher que o cliente enviou.',
  'stepOrder.nothingWaiting': 'Nenhum voucher está aguardando essa etapa. Veja os próximos passos.',
  'eligibility.deliverNow': 'Você já pode entregar',
  'eligibility.nothingYet': 'Nada ainda.',
  'eligibility.oneStep': 'A um passo',
  'eligibility.unlocks': 'Libera {engagements}',
  'eligibility.showRest': { one: 'Mostrar mais {count} oferta', other: 'Mostrar mais {count} ofertas' },
};
