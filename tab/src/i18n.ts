// The tab's own small catalogue (en, pt-BR, es-ES) with the reviewed glossary of PRODUCT.md §6:
// voucher/voucher/vale, engagement/projeto de planejamento/proyecto de planificación, redeem/resgatar/canjear,
// completion report/relatório de conclusão/informe de finalización, payment request/solicitação de
// pagamento/solicitud de pago, offering/oferta, enrollment/inscrição/inscripción. Dates, numbers and money
// go through Intl in the user's locale.
import type { DeadlineKind, LocaleCode, RoleCode, VoucherStateCode } from '../../bot/api/view-model';

export type Locale = LocaleCode;
export const LOCALES: readonly Locale[] = ['en', 'pt-BR', 'es-ES'];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** One language tag → the locale we speak for it (regional variants → their language), or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es-ES';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** The first candidate we speak; regional variants fall back to their language, then to English. */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    const locale = matchLocale(c);
    if (locale) return locale;
  }
  return 'en';
}

const en = {
  appTitle: 'Planning Services',
  loading: 'Loading your program status…',
  localBanner:
    'Local development identity: signed in as {name} without Teams. Never use this mode in production.',
  standaloneNotice: 'Open this tab in Microsoft Teams to sign in.',
  signInFailed:
    'We could not sign you in. Close the tab and open it again in Teams; if it keeps happening, ask your Teams admin to check the app’s consent.',
  loadFailed: 'The status could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  readOnly: 'Read-only view',
  role_GlobalAdmin: 'Global admin',
  role_PartnerAdmin: 'MPN partner admin',
  role_Consultant: 'Consultant',
  role_Member: 'Member',
  noOrganization:
    'Your organization has not set up Planning Services yet. A Global admin should open a chat with the bot and follow “Get started”; the status shows up here as soon as steps 1–3 are recorded.',
  setupHeading: 'Getting set up (steps 1–3)',
  step1: 'Step 1 · Eligibility',
  step2: 'Step 2 · Enrollment',
  step3: 'Step 3 · Business profile',
  elig_notStarted: 'Not started',
  elig_inProgress: 'In progress',
  elig_met: 'Met',
  eligMetFor: 'Eligible for: {list}',
  eligTraining: 'Compliance training completed {date}',
  eligNoTraining: 'Compliance training not recorded yet',
  eligNextStep: 'Record the compliance training and your competencies in the chat with the bot.',
  enr_notStarted: 'Not enrolled',
  enr_active: 'Active',
  enr_renewalDue: 'Renewal due soon',
  enr_lapsed: 'Lapsed',
  enrNextStep: 'Enroll in an offering in Partner Center, then record it in the chat with the bot.',
  renewIn: '{offering} enrollment renews {relative} ({date})',
  renewalCountdown: '{days} days to renew',
  renewalOverdue: 'Renewal {days} days overdue',
  prof_notStarted: 'Not recorded',
  prof_current: 'Up to date',
  prof_stale: 'Needs an update',
  profUpdated: 'Updated {date}; next update due {due}',
  profNextStep: 'Update the business profile in Partner Center, then record it in the chat with the bot.',
  pipelineHeading: 'Voucher pipeline',
  pipelineRow: '{count} · {avg} days in state on average (longest {max})',
  pipelineFilter: 'Show {state} vouchers',
  pipelineLegend:
    'Vouchers per state; days = average days in that state. Choose a state to list its vouchers.',
  pipelineEmpty:
    'No vouchers yet. When a customer forwards a voucher email, paste it in the chat with the bot to record it.',
  deadlinesHeading: 'Deadlines',
  overdueHeading: 'Overdue',
  upcomingHeading: 'Next {days} days',
  noOverdue: 'Nothing overdue.',
  noUpcoming: 'Nothing due in the next {days} days.',
  moreDeadlines: '…and {count} more',
  dl_enrollmentRenewal: 'Renew the enrollment in {offering}',
  dl_profileStale: 'Update the business profile',
  dl_reserveVoucher: 'Reserve voucher {voucher}',
  dl_voucherExpiry: 'Voucher {voucher} expires',
  dl_reportDue: 'Submit the completion report for {voucher}',
  dl_redeem: 'Redeem voucher {voucher}',
  dl_paymentWindow: 'Send the payment request for {voucher}',
  dl_paymentFollowUp: 'Follow up on the payment for {voucher}',
  paymentsHeading: 'Payments',
  pay_requested: 'Requested',
  pay_approved: 'Approved',
  pay_paid: 'Paid',
  pay_denied: 'Denied',
  pay_outstanding: 'Outstanding',
  payCurrency: 'Currency',
  paymentsEmpty:
    'No payment requests yet. After a voucher is redeemed, send the payment request in the SAVB tool and record it in the chat with the bot.',
  vouchersHeading: 'Vouchers',
  filtersLabel: 'Filters',
  filterOffering: 'Offering',
  filterState: 'State',
  filterConsultant: 'Consultant',
  filterCustomer: 'Customer',
  filterSearch: 'Search voucher or customer',
  filterAll: 'All',
  clearFilters: 'Clear filters',
  sortLabel: 'Sort by',
  sort_nextDeadline: 'Next deadline',
  sort_voucherNumber: 'Voucher',
  sort_customer: 'Customer',
  sort_state: 'State',
  sort_daysInState: 'Days in state',
  sort_expiresOn: 'Expiry',
  exportCsv: 'Export CSV',
  exportDone: 'CSV downloaded: {count} vouchers.',
  resultCount: '{count} vouchers',
  resultCountOne: '1 voucher',
  noMatches: 'No vouchers match these filters. Clear the filters or choose another state.',
  colVoucher: 'Voucher',
  colCustomer: 'Customer',
  colOffering: 'Offering',
  colState: 'State',
  colDaysInState: 'Days in state',
  colNext: 'Next deadline',
  colConsultants: 'Consultants',
  daysCount: '{count} days',
  prevPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: 'Page {page} of {pages}',
  openDetail: 'Open voucher {voucher}',
  detailTitle: 'Voucher {voucher}',
  close: 'Close',
  detailCustomer: 'Customer',
  detailOffering: 'Offering',
  detailEngagement: 'Engagement',
  detailDays: 'Length',
  detailState: 'State',
  detailExpires: 'Expires',
  detailAdmin: 'Voucher admin',
  detailPlanned: 'Planned engagement',
  detailReport: 'Completion report',
  detailReportValue: 'Submitted {date} · {days} days delivered · {count} deliverables',
  detailRedeemed: 'Redeemed',
  detailPayment: 'Payment request',
  detailDeadlines: 'Open deadlines',
  timelineHeading: 'Timeline',
  timelineEmpty: 'No history recorded.',
  byWhom: 'by {name}',
  reason: 'Reason: {reason}',
  'act_voucher.intake': 'Voucher recorded',
  'act_voucher.reserve': 'Reserved',
  'act_voucher.cancelReservation': 'Reservation cancelled',
  'act_voucher.markDelivered': 'Engagement delivered',
  'act_voucher.submitReport': 'Completion report submitted',
  'act_voucher.redeem': 'Redeemed',
  'act_voucher.requestPayment': 'Payment request sent',
  'act_voucher.recordApproval': 'Payment approved',
  'act_voucher.recordPayment': 'Payment received',
  'act_voucher.recordDenial': 'Payment denied',
  'act_voucher.expire': 'Expired',
  'act_voucher.setExpiry': 'Expiry date set from Partner Center',
  state_Assigned: 'Assigned',
  state_Reserved: 'Reserved',
  state_Delivered: 'Delivered',
  state_ReportSubmitted: 'Report submitted',
  state_Redeemed: 'Redeemed',
  state_PaymentRequested: 'Payment requested',
  state_Paid: 'Paid',
  state_Denied: 'Denied',
  state_Expired: 'Expired',
  languageLabel: 'Language',
};

export type MessageKey = keyof typeof en;
type Catalogue = Record<MessageKey, string>;

const ptBR: Catalogue = {
  appTitle: 'Planning Services',
  loading: 'Carregando o status do programa…',
  localBanner:
    'Identidade de desenvolvimento local: conectado como {name} sem o Teams. Nunca use este modo em produção.',
  standaloneNotice: 'Abra esta guia no Microsoft Teams para entrar.',
  signInFailed:
    'Não foi possível fazer seu login. Feche a guia e abra-a novamente no Teams; se continuar, peça ao administrador do Teams que verifique o consentimento do aplicativo.',
  loadFailed: 'Não foi possível carregar o status. Verifique a conexão e tente novamente.',
  retry: 'Tentar novamente',
  readOnly: 'Somente leitura',
  role_GlobalAdmin: 'Administrador global',
  role_PartnerAdmin: 'Administrador de parceiro MPN',
  role_Consultant: 'Consultor',
  role_Member: 'Membro',
  noOrganization:
    'Sua organização ainda não configurou o Planning Services. Um administrador global deve abrir um chat com o bot e seguir “Começar”; o status aparece aqui assim que as etapas 1–3 forem registradas.',
  setupHeading: 'Configuração (etapas 1–3)',
  step1: 'Etapa 1 · Elegibilidade',
  step2: 'Etapa 2 · Inscrição',
  step3: 'Etapa 3 · Perfil da empresa',
  elig_notStarted: 'Não iniciada',
  elig_inProgress: 'Em andamento',
  elig_met: 'Atendida',
  eligMetFor: 'Elegível para: {list}',
  eligTraining: 'Treinamento de conformidade concluído em {date}',
  eligNoTraining: 'Treinamento de conformidade ainda não registrado',
  eligNextStep: 'Registre o treinamento de conformidade e as competências no chat com o bot.',
  enr_notStarted: 'Sem inscrição',
  enr_active: 'Ativa',
  enr_renewalDue: 'Renovação próxima',
  enr_lapsed: 'Vencida',
  enrNextStep: 'Inscreva-se em uma oferta no Partner Center e registre a inscrição no chat com o bot.',
  renewIn: 'A inscrição em {offering} renova {relative} ({date})',
  renewalCountdown: '{days} dias para renovar',
  renewalOverdue: 'Renovação atrasada há {days} dias',
  prof_notStarted: 'Não registrado',
  prof_current: 'Atualizado',
  prof_stale: 'Precisa de atualização',
  profUpdated: 'Atualizado em {date}; próxima atualização até {due}',
  profNextStep: 'Atualize o perfil da empresa no Partner Center e registre no chat com o bot.',
  pipelineHeading: 'Funil de vouchers',
  pipelineRow: '{count} · em média {avg} dias no estado (máximo {max})',
  pipelineFilter: 'Mostrar vouchers em {state}',
  pipelineLegend:
    'Vouchers por estado; dias = média de dias nesse estado. Escolha um estado para listar os vouchers.',
  pipelineEmpty:
    'Nenhum voucher ainda. Quando um cliente encaminhar o e-mail de um voucher, cole-o no chat com o bot para registrá-lo.',
  deadlinesHeading: 'Prazos',
  overdueHeading: 'Atrasados',
  upcomingHeading: 'Próximos {days} dias',
  noOverdue: 'Nada atrasado.',
  noUpcoming: 'Nada vence nos próximos {days} dias.',
  moreDeadlines: '…e mais {count}',
  dl_enrollmentRenewal: 'Renovar a inscrição em {offering}',
  dl_profileStale: 'Atualizar o perfil da empresa',
  dl_reserveVoucher: 'Reservar o voucher {voucher}',
  dl_voucherExpiry: 'O voucher {voucher} expira',
  dl_reportDue: 'Enviar o relatório de conclusão de {voucher}',
  dl_redeem: 'Resgatar o voucher {voucher}',
  dl_paymentWindow: 'Enviar a solicitação de pagamento de {voucher}',
  dl_paymentFollowUp: 'Acompanhar o pagamento de {voucher}',
  paymentsHeading: 'Pagamentos',
  pay_requested: 'Solicitados',
  pay_approved: 'Aprovados',
  pay_paid: 'Pagos',
  pay_denied: 'Negados',
  pay_outstanding: 'Pendentes',
  payCurrency: 'Moeda',
  paymentsEmpty:
    'Nenhuma solicitação de pagamento ainda. Depois de resgatar um voucher, envie a solicitação de pagamento na ferramenta SAVB e registre-a no chat com o bot.',
  vouchersHeading: 'Vouchers',
  filtersLabel: 'Filtros',
  filterOffering: 'Oferta',
  filterState: 'Estado',
  filterConsultant: 'Consultor',
  filterCustomer: 'Cliente',
  filterSearch: 'Pesquisar voucher ou cliente',
  filterAll: 'Todos',
  clearFilters: 'Limpar filtros',
  sortLabel: 'Ordenar por',
  sort_nextDeadline: 'Próximo prazo',
  sort_voucherNumber: 'Voucher',
  sort_customer: 'Cliente',
  sort_state: 'Estado',
  sort_daysInState: 'Dias no estado',
  sort_expiresOn: 'Expiração',
  exportCsv: 'Exportar CSV',
  exportDone: 'CSV baixado: {count} vouchers.',
  resultCount: '{count} vouchers',
  resultCountOne: '1 voucher',
  noMatches: 'Nenhum voucher corresponde a estes filtros. Limpe os filtros ou escolha outro estado.',
  colVoucher: 'Voucher',
  colCustomer: 'Cliente',
  colOffering: 'Oferta',
  colState: 'Estado',
  colDaysInState: 'Dias no estado',
  colNext: 'Próximo prazo',
  colConsultants: 'Consultores',
  daysCount: '{count} dias',
  prevPage: 'Página anterior',
  nextPage: 'Próxima página',
  pageOf: 'Página {page} de {pages}',
  openDetail: 'Abrir o voucher {voucher}',
  detailTitle: 'Voucher {voucher}',
  close: 'Fechar',
  detailCustomer: 'Cliente',
  detailOffering: 'Oferta',
  detailEngagement: 'Projeto de planejamento',
  detailDays: 'Duração',
  detailState: 'Estado',
  detailExpires: 'Expira em',
  detailAdmin: 'Administrador do voucher',
  detailPlanned: 'Projeto de planejamento previsto',
  detailReport: 'Relatório de conclusão',
  detailReportValue: 'Enviado em {date} · {days} dias entregues · {count} entregáveis',
  detailRedeemed: 'Resgatado em',
  detailPayment: 'Solicitação de pagamento',
  detailDeadlines: 'Prazos em aberto',
  timelineHeading: 'Histórico',
  timelineEmpty: 'Nenhum histórico registrado.',
  byWhom: 'por {name}',
  reason: 'Motivo: {reason}',
  'act_voucher.intake': 'Voucher registrado',
  'act_voucher.reserve': 'Reservado',
  'act_voucher.cancelReservation': 'Reserva cancelada',
  'act_voucher.markDelivered': 'Projeto de planejamento entregue',
  'act_voucher.submitReport': 'Relatório de conclusão enviado',
  'act_voucher.redeem': 'Resgatado',
  'act_voucher.requestPayment': 'Solicitação de pagamento enviada',
  'act_voucher.recordApproval': 'Pagamento aprovado',
  'act_voucher.recordPayment': 'Pagamento recebido',
  'act_voucher.recordDenial': 'Pagamento negado',
  'act_voucher.expire': 'Expirado',
  'act_voucher.setExpiry': 'Data de expiração definida pelo Partner Center',
  state_Assigned: 'Atribuído',
  state_Reserved: 'Reservado',
  state_Delivered: 'Entregue',
  state_ReportSubmitted: 'Relatório enviado',
  state_Redeemed: 'Resgatado',
  state_PaymentRequested: 'Pagamento solicitado',
  state_Paid: 'Pago',
  state_Denied: 'Negado',
  state_Expired: 'Expirado',
  languageLabel: 'Idioma',
};

const esES: Catalogue = {
  appTitle: 'Planning Services',
  loading: 'Cargando el estado del programa…',
  localBanner:
    'Identidad de desarrollo local: has iniciado sesión como {name} sin Teams. No uses nunca este modo en producción.',
  standaloneNotice: 'Abre esta pestaña en Microsoft Teams para iniciar sesión.',
  signInFailed:
    'No hemos podido iniciar tu sesión. Cierra la pestaña y vuelve a abrirla en Teams; si sigue ocurriendo, pide al administrador de Teams que revise el consentimiento de la aplicación.',
  loadFailed: 'No se ha podido cargar el estado. Comprueba la conexión y vuelve a intentarlo.',
  retry: 'Reintentar',
  readOnly: 'Solo lectura',
  role_GlobalAdmin: 'Administrador global',
  role_PartnerAdmin: 'Administrador de partner MPN',
  role_Consultant: 'Consultor',
  role_Member: 'Miembro',
  noOrganization:
    'Tu organización aún no ha configurado Planning Services. Un administrador global debe abrir un chat con el bot y seguir «Empezar»; el estado aparecerá aquí en cuanto se registren los pasos 1–3.',
  setupHeading: 'Configuración (pasos 1–3)',
  step1: 'Paso 1 · Idoneidad',
  step2: 'Paso 2 · Inscripción',
  step3: 'Paso 3 · Perfil de empresa',
  elig_notStarted: 'Sin empezar',
  elig_inProgress: 'En curso',
  elig_met: 'Cumplida',
  eligMetFor: 'Idóneo para: {list}',
  eligTraining: 'Formación de cumplimiento completada el {date}',
  eligNoTraining: 'Formación de cumplimiento aún no registrada',
  eligNextStep: 'Registra la formación de cumplimiento y las competencias en el chat con el bot.',
  enr_notStarted: 'Sin inscripción',
  enr_active: 'Activa',
  enr_renewalDue: 'Renovación próxima',
  enr_lapsed: 'Vencida',
  enrNextStep:
    'Inscríbete en una oferta en el Partner Center y registra la inscripción en el chat con el bot.',
  renewIn: 'La inscripción en {offering} se renueva {relative} ({date})',
  renewalCountdown: 'Quedan {days} días para renovar',
  renewalOverdue: 'Renovación con {days} días de retraso',
  prof_notStarted: 'Sin registrar',
  prof_current: 'Actualizado',
  prof_stale: 'Necesita actualización',
  profUpdated: 'Actualizado el {date}; próxima actualización antes del {due}',
  profNextStep: 'Actualiza el perfil de empresa en el Partner Center y regístralo en el chat con el bot.',
  pipelineHeading: 'Embudo de vales',
  pipelineRow: '{count} · {avg} días de media en el estado (máximo {max})',
  pipelineFilter: 'Mostrar vales en {state}',
  pipelineLegend: 'Vales por estado; días = media de días en ese estado. Elige un estado para ver sus vales.',
  pipelineEmpty:
    'Aún no hay vales. Cuando un cliente reenvíe el correo de un vale, pégalo en el chat con el bot para registrarlo.',
  deadlinesHeading: 'Plazos',
  overdueHeading: 'Vencidos',
  upcomingHeading: 'Próximos {days} días',
  noOverdue: 'Nada vencido.',
  noUpcoming: 'Nada vence en los próximos {days} días.',
  moreDeadlines: '…y {count} más',
  dl_enrollmentRenewal: 'Renovar la inscripción en {offering}',
  dl_profileStale: 'Actualizar el perfil de empresa',
  dl_reserveVoucher: 'Reservar el vale {voucher}',
  dl_voucherExpiry: 'El vale {voucher} caduca',
  dl_reportDue: 'Enviar el informe de finalización de {voucher}',
  dl_redeem: 'Canjear el vale {voucher}',
  dl_paymentWindow: 'Enviar la solicitud de pago de {voucher}',
  dl_paymentFollowUp: 'Hacer seguimiento del pago de {voucher}',
  paymentsHeading: 'Pagos',
  pay_requested: 'Solicitados',
  pay_approved: 'Aprobados',
  pay_paid: 'Pagados',
  pay_denied: 'Denegados',
  pay_outstanding: 'Pendientes',
  payCurrency: 'Moneda',
  paymentsEmpty:
    'Aún no hay solicitudes de pago. Después de canjear un vale, envía la solicitud de pago en la herramienta SAVB y regístrala en el chat con el bot.',
  vouchersHeading: 'Vales',
  filtersLabel: 'Filtros',
  filterOffering: 'Oferta',
  filterState: 'Estado',
  filterConsultant: 'Consultor',
  filterCustomer: 'Cliente',
  filterSearch: 'Buscar vale o cliente',
  filterAll: 'Todos',
  clearFilters: 'Borrar filtros',
  sortLabel: 'Ordenar por',
  sort_nextDeadline: 'Próximo plazo',
  sort_voucherNumber: 'Vale',
  sort_customer: 'Cliente',
  sort_state: 'Estado',
  sort_daysInState: 'Días en el estado',
  sort_expiresOn: 'Caducidad',
  exportCsv: 'Exportar CSV',
  exportDone: 'CSV descargado: {count} vales.',
  resultCount: '{count} vales',
  resultCountOne: '1 vale',
  noMatches: 'Ningún vale coincide con estos filtros. Borra los filtros o elige otro estado.',
  colVoucher: 'Vale',
  colCustomer: 'Cliente',
  colOffering: 'Oferta',
  colState: 'Estado',
  colDaysInState: 'Días en el estado',
  colNext: 'Próximo plazo',
  colConsultants: 'Consultores',
  daysCount: '{count} días',
  prevPage: 'Página anterior',
  nextPage: 'Página siguiente',
  pageOf: 'Página {page} de {pages}',
  openDetail: 'Abrir el vale {voucher}',
  detailTitle: 'Vale {voucher}',
  close: 'Cerrar',
  detailCustomer: 'Cliente',
  detailOffering: 'Oferta',
  detailEngagement: 'Proyecto de planificación',
  detailDays: 'Duración',
  detailState: 'Estado',
  detailExpires: 'Caduca',
  detailAdmin: 'Administrador del vale',
  detailPlanned: 'Proyecto de planificación previsto',
  detailReport: 'Informe de finalización',
  detailReportValue: 'Enviado el {date} · {days} días entregados · {count} entregables',
  detailRedeemed: 'Canjeado',
  detailPayment: 'Solicitud de pago',
  detailDeadlines: 'Plazos abiertos',
  timelineHeading: 'Historial',
  timelineEmpty: 'No hay historial registrado.',
  byWhom: 'por {name}',
  reason: 'Motivo: {reason}',
  'act_voucher.intake': 'Vale registrado',
  'act_voucher.reserve': 'Reservado',
  'act_voucher.cancelReservation': 'Reserva cancelada',
  'act_voucher.markDelivered': 'Proyecto de planificación entregado',
  'act_voucher.submitReport': 'Informe de finalización enviado',
  'act_voucher.redeem': 'Canjeado',
  'act_voucher.requestPayment': 'Solicitud de pago enviada',
  'act_voucher.recordApproval': 'Pago aprobado',
  'act_voucher.recordPayment': 'Pago recibido',
  'act_voucher.recordDenial': 'Pago denegado',
  'act_voucher.expire': 'Caducado',
  'act_voucher.setExpiry': 'Fecha de caducidad tomada del Partner Center',
  state_Assigned: 'Asignado',
  state_Reserved: 'Reservado',
  state_Delivered: 'Entregado',
  state_ReportSubmitted: 'Informe enviado',
  state_Redeemed: 'Canjeado',
  state_PaymentRequested: 'Pago solicitado',
  state_Paid: 'Pagado',
  state_Denied: 'Denegado',
  state_Expired: 'Caducado',
  languageLabel: 'Idioma',
};

export const CATALOGUES: Record<Locale, Catalogue> = { en, 'pt-BR': ptBR, 'es-ES': esES };

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Looks up a key built at run time (state, role, deadline kind, audit action); falls back to `fallback`. */
  dyn(key: string, params?: Record<string, string | number>, fallback?: string): string;
  state(s: VoucherStateCode): string;
  role(r: RoleCode): string;
  deadline(kind: DeadlineKind, params: Record<string, string | number>): string;
  date(iso: string | undefined): string;
  dateTime(iso: string): string;
  number(n: number): string;
  money(amount: number, currency: string): string;
  relativeDays(days: number): string;
}

function fill(
  text: string,
  params: Record<string, string | number> = {},
  format: (n: number) => string,
): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? format(v) : v;
  });
}

export function translator(locale: Locale): Translator {
  const cat = CATALOGUES[locale];
  const numberFmt = new Intl.NumberFormat(locale);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relFmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const moneyFmts = new Map<string, Intl.NumberFormat>();
  const number = (n: number): string => numberFmt.format(n);
  const self: Translator = {
    locale,
    t: (key, params) => fill(cat[key], params, number),
    dyn: (key, params, fallback) => {
      const text = (cat as Record<string, string>)[key];
      return text === undefined ? (fallback ?? key) : fill(text, params, number);
    },
    state: (s) => self.dyn(`state_${s}`, {}, s),
    role: (r) => self.dyn(`role_${r}`, {}, r),
    deadline: (kind, params) => self.dyn(`dl_${kind}`, params, kind),
    date: (iso) => {
      if (!iso) return '—';
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    },
    number,
    money: (amount, currency) => {
      let f = moneyFmts.get(currency);
      if (!f) {
        try {
          f = new Intl.NumberFormat(locale, { style: 'currency', currency });
        } catch {
          f = numberFmt;
        }
        moneyFmts.set(currency, f);
      }
      return f.format(amount);
    },
    relativeDays: (days) => relFmt.format(days, 'day'),
  };
  return self;
}
