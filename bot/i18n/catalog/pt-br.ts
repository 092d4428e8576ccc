// Catálogo em português do Brasil. Glossário (PRODUCT.md §6): voucher, projeto de planejamento, reservar,
// resgatar, relatório de conclusão, solicitação de pagamento, oferta, inscrição.
import type { Message } from './types';
import type { GeneralKey } from './en';
import { ptBRForms } from './pt-br-forms';
import { ptBRResilience } from './pt-br-resilience';
import { ptBRTenants } from './pt-br-tenants';
import { ptBRGuidance } from './pt-br-guidance';
import { ptBRExtensions } from './pt-br-extensions';
import { ptBRJourneySteps } from './pt-br-journey-steps';
import { ptBRDialogs } from './pt-br-dialogs';
import type { Translation } from './index';

const ptBRGeneral: Record<GeneralKey, Message> = {
  'common.yes': 'Sim',
  'common.no': 'Não',
  'common.nobody': 'ninguém ainda',
  'common.notSet': 'Não definido',
  'common.back': 'Voltar',
  'common.open': 'Abrir',
  'common.save': 'Salvar',
  'common.automatic': 'Automático ({value})',
  'common.dueRelative': 'Vence em {date} ({relative})',
  'common.overdue': 'Atrasado desde {date}',
  'common.moreEntries': {
    one: '{count} registro anterior não exibido',
    other: '{count} registros anteriores não exibidos',
  },
  'common.days': { one: '{count} dia', other: '{count} dias' },
  'common.requiredError': 'Este campo é obrigatório.',
  'common.dateError': 'Informe uma data.',
  'common.fieldError': 'Verifique este campo: {field}',
  'common.tooLongError': 'Longo demais: no máximo {max} caracteres.',
  'common.numberError': 'Informe um número.',
  'common.choiceError': 'Escolha uma das opções.',

  'notice.stale': 'Isto mudou desde que você abriu. Esta é a versão atual.',
  'notice.saved': 'Salvo.',
  'notice.refusedTitle': 'Não foi possível fazer isso',
  'notice.errorTitle': 'Algo deu errado',
  'notice.errorBody': 'Tente novamente em instantes. Se continuar acontecendo, avise o administrador global.',
  'notice.notFound':
    'Não encontrei isso. Pode ter sido removido ou pertence a outra organização. Nada foi alterado.',
  'notice.voucherNumberNotFound':
    'Não há nenhum voucher {voucherNumber} aqui. Cole o email do voucher do cliente para registrá-lo.',
  'notice.unknownVerb': 'Não conheço essa ação. Nada foi alterado.',
  'notice.invalidCard': 'Este cartão não é válido. Nada foi alterado. Esta é a versão atual.',
  'notice.noTenant':
    'Trabalho para uma organização do Microsoft Teams de cada vez e não consegui identificar qual é esta. Use o app no Teams da sua organização.',
  'error.turn': 'Algo deu errado. Se acontecer de novo, informe esta referência: {id}',

  'role.globalAdmin': 'Administrador global',
  'role.mpnPartnerAdmin': 'Administrador de parceiro MPN',
  'role.consultant': 'Consultor',
  'role.member': 'Membro',
  'state.Assigned': 'Atribuído',
  'state.Reserved': 'Reservado',
  'state.Delivered': 'Entregue',
  'state.ReportSubmitted': 'Relatório de conclusão enviado',
  'state.Redeemed': 'Resgatado',
  'state.PaymentRequested': 'Pagamento solicitado',
  'state.Paid': 'Pago',
  'state.Denied': 'Pagamento negado',
  'state.Expired': 'Expirado',
  'status.NotStarted': 'Não iniciado',
  'status.InProgress': 'Em andamento',
  'status.Met': 'Atendido',
  'status.Attention': 'Requer atenção',

  'refusal.input.invalid': 'O valor informado em {field} não é válido.',
  'refusal.input.dateInFuture': 'A data {value} está no futuro (hoje é {today}).',
  'refusal.input.dateBeforeReport':
    'A data de resgate {value} é anterior ao envio do relatório de conclusão ({reportOn}).',
  'refusal.input.dateBeforeRedemption':
    'A data da solicitação de pagamento {value} é anterior ao resgate ({redeemedOn}).',
  'refusal.input.dateBeforeRequest': 'A data {value} é anterior à solicitação de pagamento ({requestedOn}).',
  'refusal.role.required': 'Isto exige a função {requiredRoles}. Quem a tem: {holderNames}.',
  'refusal.transition.notAllowed': 'Isto não pode ser feito enquanto o voucher está {from}.',
  'refusal.bootstrap.globalAdminExists': 'Esta organização já tem um administrador global: {holderNames}.',
  'refusal.person.unknown': 'Essa pessoa ainda não usou o aplicativo nesta organização.',
  'refusal.role.lastGlobalAdmin': 'A organização precisa manter pelo menos um administrador global.',
  'refusal.settings.timeZoneInvalid':
    '{timeZone} não é um fuso horário reconhecido. Exemplo: America/Sao_Paulo.',
  'refusal.settings.localeUnsupported':
    '{locale} não é um dos idiomas do aplicativo (English, Português, Español).',
  'refusal.person.notConsultant':
    '{name} não é consultor. Um administrador global pode atribuir a função Consultor.',
  'refusal.competency.unknown': '{name} não é uma competência exigida por nenhum projeto de planejamento.',
  'refusal.assessment.unknown': 'Essa avaliação não está registrada para este consultor.',
  'refusal.enrollment.offeringUnknown': '{offeringId} não é uma oferta do programa.',
  'refusal.enrollment.agreementAfterEnrollment':
    'O contrato do programa ({agreementSignedOn}) deve ser assinado até a data da inscrição ({enrolledOn}).',
  'refusal.enrollment.notFound': 'Não há inscrição em {offeringId} para renovar.',
  'refusal.enrollment.alreadyEnrolled': 'A organização já tem inscrição em {offeringId}.',
  'refusal.savb.alreadyRegistered':
    'O registro no SAVB para {offeringId} já foi registrado em {registeredOn}.',
  'refusal.savb.noRedemptionYet':
    'O registro no SAVB para {offeringId} é feito depois que o primeiro voucher for resgatado.',
  'refusal.voucher.numberInvalid':
    '"{value}" não é um ID de voucher: use de 4 a 64 letras, dígitos e hifens, por exemplo {example}.',
  'refusal.voucher.alreadyActive': 'O voucher {voucherNumber} já está ativo aqui ({state}).',
  'refusal.voucher.offeringUnknown': '{offeringId} não é uma oferta do programa.',
  'refusal.voucher.assignmentClosed': 'Os clientes não podiam atribuir vouchers após {cutoff}.',
  'refusal.voucher.expiryBeforeAssignment':
    'A data de expiração ({expiresOn}) é anterior à data de atribuição ({assignedOn}).',
  'refusal.voucher.expired': 'O voucher expirou em {expiresOn}.',
  'refusal.reservation.notEnrolled': 'A organização não tem inscrição em {offeringId}.',
  'refusal.reservation.enrollmentLapsed': 'A inscrição em {offeringId} venceu: renove-a primeiro.',
  'refusal.reservation.engagementUnknown': '{engagementId} não é um projeto de planejamento de {offeringId}.',
  'refusal.reservation.competencyMissing':
    'A empresa não tem uma competência exigida por este projeto de planejamento: {anyOf}.',
  'refusal.reservation.locationUnknown': 'Esse local do parceiro não está registrado.',
  'refusal.reservation.countryNotApproved':
    'Este local do parceiro não está aprovado para entregar em {deliveryCountry}. Países aprovados: {approvedCountries}.',
  'refusal.reservation.startNotInFuture':
    'O início previsto ({plannedStart}) deve ser posterior a hoje ({today}): a reserva deve ser registrada antes do início do projeto de planejamento.',
  'refusal.reservation.endBeforeStart':
    'O término previsto ({plannedEnd}) é anterior ao início previsto ({plannedStart}).',
  'refusal.reservation.serviceLevelNotAllowed':
    'Um voucher de {days} dias não pode ser usado neste projeto de planejamento. Durações permitidas: {allowed} dias.',
  'refusal.reservation.exceedsEngagementMaximum':
    'Este projeto de planejamento permite no máximo {maximumDays} dias; o voucher tem {days}.',
  'refusal.reservation.exceedsCustomerLimit':
    '{customer} já tem {alreadyDays} dias deste tipo de projeto de planejamento; mais {requestedDays} passariam do limite de {limit}. Registre outra divisão, entidade legal ou produto, se for o caso.',
  'refusal.reservation.offsiteDaysExceeded':
    'No máximo {maximum} dias podem ser entregues fora do local do cliente.',
  'refusal.reservation.consultantRequired': 'Escolha pelo menos um consultor.',
  'refusal.reservation.consultantUnknown': 'Um dos consultores escolhidos não é conhecido pelo aplicativo.',
  'refusal.reservation.reasonRequired': 'Informe o motivo do cancelamento da reserva.',
  'refusal.delivery.notStarted':
    'O projeto de planejamento ainda não começou (início previsto {plannedStart}).',
  'refusal.report.engagementNotEnded':
    'O relatório de conclusão pode ser enviado quando o projeto de planejamento terminar (término real {actualEnd}).',
  'refusal.report.endBeforeStart': 'O término real é anterior ao início real.',
  'refusal.report.deliverableRequired': 'Liste pelo menos uma entrega feita ao cliente.',
  'refusal.report.consultantRequired':
    'Liste pelo menos um consultor que entregou o projeto de planejamento.',
  'refusal.report.consultantNotQualified':
    '{name} não tem avaliação qualificadora registrada para {competencies}.',
  'refusal.report.daysExceedVoucher':
    '{daysDelivered} dias entregues é mais do que o voucher permite ({voucherDays}).',
  'refusal.redemption.reportNotSubmitted': 'Envie o relatório de conclusão antes de resgatar o voucher.',
  'refusal.redemption.closed': 'Não é possível resgatar vouchers a partir de {closedFrom}.',
  'refusal.payment.notRedeemed': 'Resgate o voucher antes de fazer a solicitação de pagamento.',
  'refusal.payment.savbRegistrationMissing':
    'Um administrador global precisa registrar {offeringId} no SAVB primeiro ({globalAdminNames}).',
  'refusal.payment.windowClosed': 'A solicitação de pagamento deveria ter sido feita até {deadline}.',
  'refusal.payment.alreadyApproved': 'Esta solicitação de pagamento já foi aprovada.',
  'refusal.payment.reasonRequired': 'Informe o motivo que a Microsoft deu para a negativa.',
  'refusal.expiry.notReached': 'O voucher só expira em {expiresOn}.',

  'next.role.claimGlobalAdmin':
    'Ninguém é administrador global ainda. Assuma a função para configurar o aplicativo para sua organização.',
  'next.role.assignPartnerAdmin': 'Escolha quem será administrador de parceiro MPN.',
  'next.eligibility.completeTraining':
    'Conclua o treinamento de conformidade do Planning Services e registre a data.',
  'next.eligibility.recordCompetency': 'Registre as competências que sua empresa possui.',
  'next.eligibility.renewCompetency':
    'Renove ou registre novamente as competências que venceram: {competencies}.',
  'next.enrollment.enroll': 'Assine o contrato do programa e registre sua inscrição em uma oferta.',
  'next.enrollment.renew': 'Renove a inscrição em {offeringId}.',
  'next.businessProfile.update': 'Atualize seu perfil comercial no Partner Center.',
  'next.savb.register':
    'Registre {offeringId} na ferramenta de pagamento SAVB (uma vez, por um administrador global).',
  'next.voucher.intake': 'Quando um cliente enviar um voucher, cole o email aqui.',
  'next.voucher.reserve': 'Valide e reserve o voucher {voucherNumber} e agende o projeto de planejamento.',
  'next.voucher.awaitEngagementStart':
    'Voucher {voucherNumber}: o projeto de planejamento começa em {plannedStart}.',
  'next.voucher.markDelivered':
    'Voucher {voucherNumber}: registre que o projeto de planejamento foi entregue.',
  'next.report.submit': 'Envie o relatório de conclusão do voucher {voucherNumber}.',
  'next.voucher.redeem': 'Resgate o voucher {voucherNumber} no Partner Center.',
  'next.payment.request': 'Faça a solicitação de pagamento do voucher {voucherNumber} no SAVB.',
  'next.payment.awaitApproval': 'Voucher {voucherNumber}: a solicitação de pagamento aguarda aprovação.',
  'next.payment.awaitPayment': 'Voucher {voucherNumber}: pagamento aprovado, aguardando a Microsoft pagar.',
  'next.payment.followUp': 'Voucher {voucherNumber}: o pagamento está atrasado. Acompanhe com a Microsoft.',
  'next.voucher.closedPaid': 'O voucher {voucherNumber} foi pago. Nada mais a fazer.',
  'next.voucher.closedDenied': 'O pagamento do voucher {voucherNumber} foi negado.',
  'next.voucher.closedExpired': 'O voucher {voucherNumber} expirou.',

  'welcome.title': 'Próximos passos',
  'welcome.greeting': 'Olá, {name}.',
  'welcome.intro':
    'Eu guio sua equipe pelo Software Assurance Planning Services: elegibilidade, inscrição, cada voucher desde o email do cliente até o pagamento, e cada prazo no meio do caminho.',
  'welcome.newPartner': 'Vocês são um parceiro novo: comecem pelas etapas 1 a 3.',
  'welcome.setupTitle': 'Configuração',
  'welcome.step1': '1. Elegibilidade',
  'welcome.step2': '2. Inscrição',
  'welcome.step3': '3. Perfil comercial',
  'welcome.renewal': 'Renovação da inscrição: {date} ({relative})',
  'welcome.nextTitle': 'A fazer',
  'welcome.nothingNext': 'Nada a fazer agora.',
  'welcome.vouchers': 'Vouchers',
  'welcome.newVoucher': 'Novo voucher',
  'welcome.help': 'Ajuda',

  'help.title': 'Ajuda',
  'help.notUnderstood': 'Não entendi. Veja o que posso fazer.',
  'help.intro':
    'Pergunte "próximos passos?" a qualquer momento, ou cole o email de voucher de um cliente para registrar o voucher.',
  'help.commandsTitle': 'Você pode dizer',
  'help.cmd.next': '"próximos passos" – a próxima coisa a fazer',
  'help.cmd.vouchers': '"vouchers" – a lista de vouchers',
  'help.cmd.voucher': '"voucher 7F3K-22QX" – um voucher e seu histórico',
  'help.cmd.eligibility': '"elegibilidade" – treinamento e competências',
  'help.cmd.enrollment': '"inscrição" – ofertas, renovações e SAVB',
  'help.cmd.profile': '"perfil" – perfil comercial',
  'help.cmd.people': '"pessoas" – pessoas e funções',
  'help.cmd.settings': '"configurações" – idioma, fuso horário, canal do programa',
  'help.stepsTitle': 'As oito etapas',
  'help.steps':
    '1 Verificar a elegibilidade · 2 Inscrever-se · 3 Atualizar o perfil comercial · 4 Receber o voucher · 5 Validar e reservar o voucher · 6 Entregar e enviar o relatório de conclusão · 7 Resgatar o voucher · 8 Fazer a solicitação de pagamento',

  'link.partnerCenter': 'Abrir o Partner Center',
  'link.partnerCenterVouchers': 'Vouchers no Partner Center',
  'link.partnerCenterProfile': 'Perfil comercial no Partner Center',
  'link.partnerCenterEnrollment': 'Inscrição no Partner Center',
  'link.vlsc': 'Abrir o VLSC',
  'link.savb': 'Abrir o SAVB',
  'link.training': 'Treinamento de conformidade',

  'eligibility.title': 'Elegibilidade',
  'eligibility.training': 'Treinamento de conformidade',
  'eligibility.trainingDone': 'Concluído em {date}',
  'eligibility.trainingMissing': 'Ainda não concluído',
  'eligibility.competencies': 'Competências',
  'eligibility.competency': '{name} ({level}), válida até {date}',
  'eligibility.competencyExpired': '{name} ({level}) expirou em {date}',
  'eligibility.noCompetencies': 'Nenhuma competência registrada.',
  'eligibility.offerings': 'Ofertas e projetos de planejamento',
  'eligibility.missingTraining': 'Falta: treinamento de conformidade',
  'eligibility.missingCompetency': 'Falta: {competencies}',
  'eligibility.expiredCompetency': 'Expirada: {competencies}',
  'eligibility.myAssessments': 'Minhas avaliações',
  'eligibility.assessment': '{name} – {competency}, aprovado em {date}',
  'eligibility.recordTraining': 'Registrar treinamento',
  'eligibility.addCompetency': 'Adicionar competência',
  'eligibility.recordAssessment': 'Registrar minha avaliação',
  'eligibility.trainingDate': 'Treinamento concluído em',
  'eligibility.competencyName': 'Competência',
  'eligibility.level': 'Nível',
  'eligibility.validUntil': 'Válida até',
  'eligibility.assessmentName': 'Avaliação ou exame',
  'eligibility.assessmentCompetency': 'Competência para a qual qualifica',
  'eligibility.completedOn': 'Aprovado em',

  'enrollment.title': 'Inscrição',
  'enrollment.intro': 'A inscrição em cada oferta precisa ser renovada todos os anos.',
  'enrollment.agreement': 'Contrato do programa assinado em {date}',
  'enrollment.noAgreement': 'Contrato do programa não registrado',
  'enrollment.enrolledOn': 'Inscrição em {date}',
  // The tab's word for an enrolment in force (tab/src/i18n enr_active).
  'enrollment.active': 'Ativa',
  'enrollment.notEnrolled': 'Sem inscrição',
  'enrollment.renewal': 'Renovação em {date} ({relative})',
  'enrollment.lapsed': 'Vencida – renove antes de reservar vouchers',
  'enrollment.locations': 'Locais aprovados: {locations}',
  'enrollment.savbDone': 'Registro no SAVB: {date}',
  'enrollment.savbNeeded': 'Registro no SAVB necessário (administrador global)',
  'enrollment.record': 'Registrar inscrição',
  'enrollment.renew': 'Renovar inscrição',
  'enrollment.recordSavb': 'Anotar o registro no SAVB',
  'enrollment.offering': 'Oferta',
  'enrollment.agreementDate': 'Contrato do programa assinado em',
  'enrollment.date': 'Data da inscrição',
  'enrollment.locationName': 'Local do parceiro',
  'enrollment.countries': 'Países aprovados',

  'profile.title': 'Perfil comercial',
  'profile.intro':
    'Mantenha seu perfil comercial no Partner Center atualizado; ele deve ser revisado pelo menos uma vez por ano.',
  'profile.lastUpdated': 'Última atualização em {date} ({relative})',
  'profile.never': 'Nenhuma atualização registrada ainda.',
  'profile.recordCall': 'Depois de revisá-lo no Partner Center, registre a data aqui.',
  'profile.stale': 'Tem mais de um ano: revise-o no Partner Center.',
  'profile.updatedOn': 'Atualizado em',
  'profile.record': 'Registrar atualização',

  'voucher.number': 'ID do voucher',
  'voucher.customer': 'Cliente',
  'voucher.offering': 'Oferta',
  'voucher.engagement': 'Projeto de planejamento',
  'voucher.days': 'Duração',
  'voucher.state': 'Estado',
  'voucher.expires': 'Expira',
  'voucher.assigned': 'Atribuído',
  'voucher.admin': 'Administrador do voucher',
  'voucher.country': 'País de entrega',
  'voucher.location': 'Local do parceiro',
  'voucher.planned': 'Previsto',
  'voucher.consultants': 'Consultores',
  'voucher.reportSubmitted': 'Relatório de conclusão',
  'voucher.redeemed': 'Resgatado',
  'voucher.payment': 'Solicitação de pagamento',
  'voucher.period': '{start} – {end}',
};

export const ptBR: Translation = {
  ...ptBRGeneral,
  ...ptBRForms,
  ...ptBRResilience,
  ...ptBRTenants,
  ...ptBRGuidance,
  ...ptBRExtensions,
  ...ptBRJourneySteps,
  ...ptBRDialogs,
};
