// The tab's Brazilian Portuguese words for acting on a voucher (dialogs) and for the team tab's configuration.
import type { enActions } from './en-actions';

export const ptBRActions: Record<keyof typeof enActions, string> = {
  detailNext: 'Próximo passo',
  detailActions: 'O que você pode fazer agora',
  action_reserve: 'Reservar',
  action_cancelReservation: 'Cancelar reserva',
  action_markDelivered: 'Marcar como entregue',
  action_submitReport: 'Relatório de conclusão',
  action_redeem: 'Resgatar',
  action_requestPayment: 'Solicitação de pagamento',
  action_recordOutcome: 'Resultado do pagamento',
  action_setExpiry: 'Corrigir a expiração',
  actionDialogLabel: '{action} · voucher {voucher}',
  actionFailed: 'Não foi possível enviar a ação. Verifique sua conexão e tente de novo.',
  actionDone: 'Salvo. O voucher {voucher} está atualizado.',
  configHeading: 'Planning Services para esta equipe',
  configBody:
    'Esta guia mostra o status do Planning Services da sua organização para todos no canal: configuração, vouchers, prazos e pagamentos. Cada pessoa vê com o próprio login do Teams. Selecione Salvar para adicioná-la.',
  configTabName: 'Planning Services',
  removeHeading: 'Remover esta guia?',
  removeBody:
    'Remover a guia só a tira deste canal. Seus vouchers e os dados da sua organização continuam no app e no chat com o bot.',
};
