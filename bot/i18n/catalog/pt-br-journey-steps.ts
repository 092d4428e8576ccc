// pt-BR texts added for the newcomer's journey (issue #14); en-journey-steps.ts defines the keys.
import type { JourneyStepsKey } from './en-journey-steps';
import type { Message } from './types';

export const ptBRJourneySteps: Record<JourneyStepsKey, Message> = {
  'enrollment.location': 'Local aprovado: {locations}',
  'refusal.enrollment.renewalNotOpen':
    'A inscrição em {offeringId} pode ser renovada a partir de {opensOn} (o vencimento é em {dueOn}).',
  'enrollment.savbDoneReference': 'Registro no SAVB: {date} (referência {reference})',
  'payment.savbRegisterIntro':
    'Registre {offering} no SAVB uma vez e depois registre aqui a data e a referência que o SAVB deu ao registro. A solicitação de pagamento vem logo em seguida.',
  'payment.savbRegisteredOn': 'Registrado no SAVB em',
  'payment.savbRegistrationReference': 'Referência do registro no SAVB',
  'payment.savbRegister': 'Anotar o registro no SAVB',
  'payment.savbAskAdmin': 'Só um administrador global pode registrar o registro no SAVB: peça a {names}.',
  'payment.savbAskAdminNobody':
    'Só um administrador global pode registrar o registro no SAVB, e ninguém tem essa função ainda: veja Pessoas.',
  'notice.alreadyDone': 'Isto já foi feito: {what}, por {who} em {when}. Este é o voucher como está agora.',
  'notice.changedBy': 'Isto mudou desde que você abriu: {what}, por {who} em {when}. Esta é a versão atual.',
};
