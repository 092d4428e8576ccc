// Catálogo en español de España. Glosario (PRODUCT.md §6): vale, proyecto de planificación, reservar,
// canjear, informe de finalización, solicitud de pago, oferta, inscripción.
import type { Message } from './types';
import type { GeneralKey } from './en';
import { esESForms } from './es-es-forms';
import { esESResilience } from './es-es-resilience';
import { esESTenants } from './es-es-tenants';
import { esESGuidance } from './es-es-guidance';
import { esESExtensions } from './es-es-extensions';
import { esESJourneySteps } from './es-es-journey-steps';
import { esESDialogs } from './es-es-dialogs';
import type { Translation } from './index';

const esESGeneral: Record<GeneralKey, Message> = {
  'common.yes': 'Sí',
  'common.no': 'No',
  'common.nobody': 'nadie todavía',
  'common.notSet': 'Sin definir',
  'common.back': 'Volver',
  'common.open': 'Abrir',
  'common.save': 'Guardar',
  'common.automatic': 'Automático ({value})',
  'common.dueRelative': 'Vence el {date} ({relative})',
  'common.overdue': 'Vencido desde el {date}',
  'common.moreEntries': {
    one: '{count} entrada anterior no mostrada',
    other: '{count} entradas anteriores no mostradas',
  },
  'common.days': { one: '{count} día', other: '{count} días' },
  'common.requiredError': 'Este campo es obligatorio.',
  'common.dateError': 'Introduce una fecha.',
  'common.fieldError': 'Revisa este campo: {field}',
  'common.tooLongError': 'Demasiado largo: como máximo {max} caracteres.',
  'common.numberError': 'Introduce un número.',
  'common.choiceError': 'Elige una de las opciones.',

  'notice.stale': 'Esto ha cambiado desde que lo abriste. Esta es la versión actual.',
  'notice.saved': 'Guardado.',
  'notice.refusedTitle': 'No se ha podido hacer',
  'notice.errorTitle': 'Algo ha fallado',
  'notice.errorBody': 'Inténtalo de nuevo en un momento. Si sigue ocurriendo, avisa al administrador global.',
  'notice.notFound':
    'No lo encontré. Puede que se haya eliminado o que pertenezca a otra organización. No se ha cambiado nada.',
  'notice.voucherNumberNotFound':
    'No hay ningún vale {voucherNumber} aquí. Pega el correo del vale del cliente para registrarlo.',
  'notice.unknownVerb': 'No conozco esa acción. No se ha cambiado nada.',
  'notice.invalidCard': 'Esta tarjeta no es válida. No se ha cambiado nada. Esta es la versión actual.',
  'notice.noTenant':
    'Trabajo para una organización de Microsoft Teams a la vez y no he podido saber cuál es esta. Usa la aplicación desde Teams en tu organización.',
  'error.turn': 'Algo ha fallado. Si vuelve a ocurrir, indica esta referencia: {id}',

  'role.globalAdmin': 'Administrador global',
  'role.mpnPartnerAdmin': 'Administrador de partners de MPN',
  'role.consultant': 'Consultor',
  'role.member': 'Miembro',
  'state.Assigned': 'Asignado',
  'state.Reserved': 'Reservado',
  'state.Delivered': 'Entregado',
  'state.ReportSubmitted': 'Informe de finalización enviado',
  'state.Redeemed': 'Canjeado',
  'state.PaymentRequested': 'Pago solicitado',
  'state.Paid': 'Pagado',
  'state.Denied': 'Pago denegado',
  'state.Expired': 'Caducado',
  'status.NotStarted': 'Sin empezar',
  'status.InProgress': 'En curso',
  'status.Met': 'Cumplido',
  'status.Attention': 'Requiere atención',

  'refusal.input.invalid': 'El valor introducido en {field} no es válido.',
  'refusal.input.dateInFuture': 'La fecha {value} está en el futuro (hoy es {today}).',
  'refusal.input.dateBeforeReport':
    'La fecha de canje {value} es anterior al envío del informe de finalización ({reportOn}).',
  'refusal.input.dateBeforeRedemption':
    'La fecha de la solicitud de pago {value} es anterior al canje ({redeemedOn}).',
  'refusal.input.dateBeforeRequest': 'La fecha {value} es anterior a la solicitud de pago ({requestedOn}).',
  'refusal.role.required': 'Esto requiere el rol {requiredRoles}. Quién lo tiene: {holderNames}.',
  'refusal.transition.notAllowed': 'Esto no se puede hacer mientras el vale está {from}.',
  'refusal.bootstrap.globalAdminExists': 'Esta organización ya tiene un administrador global: {holderNames}.',
  'refusal.person.unknown': 'Esa persona todavía no ha usado la aplicación en esta organización.',
  'refusal.role.lastGlobalAdmin': 'La organización debe conservar al menos un administrador global.',
  'refusal.settings.timeZoneInvalid': '{timeZone} no es una zona horaria reconocida. Ejemplo: Europe/Madrid.',
  'refusal.settings.localeUnsupported':
    '{locale} no es uno de los idiomas de la aplicación (English, Português, Español).',
  'refusal.person.notConsultant':
    '{name} no es consultor. Un administrador global puede darle el rol Consultor.',
  'refusal.competency.unknown': '{name} no es una competencia que exija ningún proyecto de planificación.',
  'refusal.assessment.unknown': 'Esa evaluación no está registrada para este consultor.',
  'refusal.enrollment.offeringUnknown': '{offeringId} no es una oferta del programa.',
  'refusal.enrollment.agreementAfterEnrollment':
    'El contrato del programa ({agreementSignedOn}) debe firmarse en la fecha de inscripción ({enrolledOn}) o antes.',
  'refusal.enrollment.notFound': 'No hay ninguna inscripción en {offeringId} que renovar.',
  'refusal.enrollment.alreadyEnrolled': 'La organización ya tiene una inscripción en {offeringId}.',
  'refusal.savb.alreadyRegistered': 'El registro en SAVB de {offeringId} ya se anotó el {registeredOn}.',
  'refusal.savb.noRedemptionYet':
    'El registro en SAVB de {offeringId} se hace después de canjear el primer vale.',
  'refusal.voucher.numberInvalid':
    '"{value}" no es un ID de vale: usa de 4 a 64 letras, dígitos y guiones, por ejemplo {example}.',
  'refusal.voucher.alreadyActive': 'El vale {voucherNumber} ya está activo aquí ({state}).',
  'refusal.voucher.offeringUnknown': '{offeringId} no es una oferta del programa.',
  'refusal.voucher.assignmentClosed': 'Los clientes no podían asignar vales después del {cutoff}.',
  'refusal.voucher.expiryBeforeAssignment':
    'La fecha de caducidad ({expiresOn}) es anterior a la fecha de asignación ({assignedOn}).',
  'refusal.voucher.expired': 'El vale caducó el {expiresOn}.',
  'refusal.reservation.notEnrolled': 'La organización no tiene inscripción en {offeringId}.',
  'refusal.reservation.enrollmentLapsed': 'La inscripción en {offeringId} ha vencido: renuévala primero.',
  'refusal.reservation.engagementUnknown':
    '{engagementId} no es un proyecto de planificación de {offeringId}.',
  'refusal.reservation.competencyMissing':
    'La empresa no tiene ninguna competencia que exija este proyecto de planificación: {anyOf}.',
  'refusal.reservation.locationUnknown': 'Esa ubicación del partner no está registrada.',
  'refusal.reservation.countryNotApproved':
    'Esta ubicación del partner no está aprobada para entregar en {deliveryCountry}. Países aprobados: {approvedCountries}.',
  'refusal.reservation.startNotInFuture':
    'El inicio previsto ({plannedStart}) debe ser posterior a hoy ({today}): la reserva debe registrarse antes de que empiece el proyecto de planificación.',
  'refusal.reservation.endBeforeStart':
    'El fin previsto ({plannedEnd}) es anterior al inicio previsto ({plannedStart}).',
  'refusal.reservation.serviceLevelNotAllowed':
    'Un vale de {days} días no se puede usar en este proyecto de planificación. Duraciones permitidas: {allowed} días.',
  'refusal.reservation.exceedsEngagementMaximum':
    'Este proyecto de planificación permite como máximo {maximumDays} días; el vale tiene {days}.',
  'refusal.reservation.exceedsCustomerLimit':
    '{customer} ya tiene {alreadyDays} días de este tipo de proyecto de planificación; {requestedDays} más superarían el límite de {limit}. Registra otra división, entidad jurídica o producto si corresponde.',
  'refusal.reservation.offsiteDaysExceeded':
    'Como máximo se pueden entregar {maximum} días fuera de las instalaciones del cliente.',
  'refusal.reservation.consultantRequired': 'Elige al menos un consultor.',
  'refusal.reservation.consultantUnknown':
    'Uno de los consultores elegidos no es conocido por la aplicación.',
  'refusal.reservation.reasonRequired': 'Indica el motivo de la cancelación de la reserva.',
  'refusal.delivery.notStarted':
    'El proyecto de planificación aún no ha empezado (inicio previsto {plannedStart}).',
  'refusal.report.engagementNotEnded':
    'El informe de finalización se puede enviar cuando termine el proyecto de planificación (fin real {actualEnd}).',
  'refusal.report.endBeforeStart': 'El fin real es anterior al inicio real.',
  'refusal.report.deliverableRequired': 'Indica al menos un entregable dado al cliente.',
  'refusal.report.consultantRequired':
    'Indica al menos un consultor que haya realizado el proyecto de planificación.',
  'refusal.report.consultantNotQualified':
    '{name} no tiene registrada ninguna evaluación que lo cualifique para {competencies}.',
  'refusal.report.daysExceedVoucher':
    '{daysDelivered} días entregados son más de los que permite el vale ({voucherDays}).',
  'refusal.redemption.reportNotSubmitted': 'Envía el informe de finalización antes de canjear el vale.',
  'refusal.redemption.closed': 'No se pueden canjear vales a partir del {closedFrom}.',
  'refusal.payment.notRedeemed': 'Canjea el vale antes de hacer la solicitud de pago.',
  'refusal.payment.savbRegistrationMissing':
    'Un administrador global debe registrar {offeringId} en SAVB primero ({globalAdminNames}).',
  'refusal.payment.windowClosed': 'La solicitud de pago debía hacerse antes del {deadline}.',
  'refusal.payment.alreadyApproved': 'Esta solicitud de pago ya está aprobada.',
  'refusal.payment.reasonRequired': 'Indica el motivo que dio Microsoft para denegarlo.',
  'refusal.expiry.notReached': 'El vale no caduca hasta el {expiresOn}.',

  'next.role.claimGlobalAdmin':
    'Todavía no hay ningún administrador global. Asume el rol para configurar la aplicación para tu organización.',
  'next.role.assignPartnerAdmin': 'Elige quién será administrador de partners de MPN.',
  'next.eligibility.completeTraining':
    'Completa la formación de cumplimiento de Planning Services y registra la fecha.',
  'next.eligibility.recordCompetency': 'Registra las competencias que tiene tu empresa.',
  'next.eligibility.renewCompetency':
    'Renueva o vuelve a registrar las competencias que han caducado: {competencies}.',
  'next.enrollment.enroll': 'Firma el contrato del programa y registra tu inscripción en una oferta.',
  'next.enrollment.renew': 'Renueva la inscripción en {offeringId}.',
  'next.businessProfile.update': 'Actualiza tu perfil de empresa en el Centro de partners.',
  'next.savb.register':
    'Registra {offeringId} en la herramienta de pago SAVB (una sola vez, un administrador global).',
  'next.voucher.intake': 'Cuando un cliente te envíe un vale, pega aquí el correo.',
  'next.voucher.reserve': 'Valida y reserva el vale {voucherNumber} y programa el proyecto de planificación.',
  'next.voucher.awaitEngagementStart':
    'Vale {voucherNumber}: el proyecto de planificación empieza el {plannedStart}.',
  'next.voucher.markDelivered':
    'Vale {voucherNumber}: registra que el proyecto de planificación se ha entregado.',
  'next.report.submit': 'Envía el informe de finalización del vale {voucherNumber}.',
  'next.voucher.redeem': 'Canjea el vale {voucherNumber} en el Centro de partners.',
  'next.payment.request': 'Haz la solicitud de pago del vale {voucherNumber} en SAVB.',
  'next.payment.awaitApproval': 'Vale {voucherNumber}: la solicitud de pago está pendiente de aprobación.',
  'next.payment.awaitPayment': 'Vale {voucherNumber}: pago aprobado, pendiente de que Microsoft pague.',
  'next.payment.followUp': 'Vale {voucherNumber}: el pago se retrasa. Haz un seguimiento con Microsoft.',
  'next.voucher.closedPaid': 'El vale {voucherNumber} está pagado. No queda nada por hacer.',
  'next.voucher.closedDenied': 'Se denegó el pago del vale {voucherNumber}.',
  'next.voucher.closedExpired': 'El vale {voucherNumber} ha caducado.',

  'welcome.title': 'Qué sigue',
  'welcome.greeting': 'Hola, {name}.',
  'welcome.intro':
    'Guío a tu equipo por Software Assurance Planning Services: requisitos, inscripción, cada vale desde el correo del cliente hasta el pago, y cada plazo entre medias.',
  'welcome.newPartner': 'Sois un partner nuevo: empezad por los pasos 1 a 3.',
  'welcome.setupTitle': 'Configuración',
  'welcome.step1': '1. Requisitos',
  'welcome.step2': '2. Inscripción',
  'welcome.step3': '3. Perfil de empresa',
  'welcome.renewal': 'Renovación de la inscripción: {date} ({relative})',
  'welcome.nextTitle': 'Pendiente',
  'welcome.nothingNext': 'No hay nada pendiente ahora.',
  'welcome.vouchers': 'Vales',
  'welcome.newVoucher': 'Nuevo vale',
  'welcome.help': 'Ayuda',

  'help.title': 'Ayuda',
  'help.notUnderstood': 'No lo he entendido. Esto es lo que puedo hacer.',
  'help.intro':
    'Pregúntame "¿qué sigue?" en cualquier momento, o pega el correo de un vale de un cliente para registrar el vale.',
  'help.commandsTitle': 'Puedes decir',
  'help.cmd.next': '"qué sigue": lo siguiente que hay que hacer',
  'help.cmd.vouchers': '"vales": la lista de vales',
  'help.cmd.voucher': '"vale 7F3K-22QX": un vale y su historial',
  'help.cmd.eligibility': '"requisitos": formación y competencias',
  'help.cmd.enrollment': '"inscripción": ofertas, renovaciones y SAVB',
  'help.cmd.profile': '"perfil": perfil de empresa',
  'help.cmd.people': '"personas": personas y roles',
  'help.cmd.settings': '"configuración": idioma, zona horaria, canal del programa',
  'help.stepsTitle': 'Los ocho pasos',
  'help.steps':
    '1 Comprobar los requisitos · 2 Inscribirse · 3 Actualizar el perfil de empresa · 4 Recibir el vale · 5 Validar y reservar el vale · 6 Entregar y enviar el informe de finalización · 7 Canjear el vale · 8 Hacer la solicitud de pago',

  'link.partnerCenter': 'Abrir el Centro de partners',
  'link.partnerCenterVouchers': 'Vales en el Centro de partners',
  'link.partnerCenterProfile': 'Perfil de empresa en el Centro de partners',
  'link.partnerCenterEnrollment': 'Inscripción en el Centro de partners',
  'link.vlsc': 'Abrir VLSC',
  'link.savb': 'Abrir SAVB',
  'link.training': 'Formación de cumplimiento',

  'eligibility.title': 'Requisitos',
  'eligibility.training': 'Formación de cumplimiento',
  'eligibility.trainingDone': 'Completada el {date}',
  'eligibility.trainingMissing': 'Aún no completada',
  'eligibility.competencies': 'Competencias',
  'eligibility.competency': '{name} ({level}), válida hasta el {date}',
  'eligibility.competencyExpired': '{name} ({level}) caducó el {date}',
  'eligibility.noCompetencies': 'No hay competencias registradas.',
  'eligibility.offerings': 'Ofertas y proyectos de planificación',
  'eligibility.missingTraining': 'Falta: formación de cumplimiento',
  'eligibility.missingCompetency': 'Falta: {competencies}',
  'eligibility.expiredCompetency': 'Caducada: {competencies}',
  'eligibility.myAssessments': 'Mis evaluaciones',
  'eligibility.assessment': '{name} – {competency}, aprobada el {date}',
  'eligibility.recordTraining': 'Registrar formación',
  'eligibility.addCompetency': 'Añadir competencia',
  'eligibility.recordAssessment': 'Registrar mi evaluación',
  'eligibility.trainingDate': 'Formación completada el',
  'eligibility.competencyName': 'Competencia',
  'eligibility.level': 'Nivel',
  'eligibility.validUntil': 'Válida hasta',
  'eligibility.assessmentName': 'Evaluación o examen',
  'eligibility.assessmentCompetency': 'Competencia para la que habilita',
  'eligibility.completedOn': 'Aprobada el',

  'enrollment.title': 'Inscripción',
  'enrollment.intro': 'La inscripción en cada oferta debe renovarse todos los años.',
  'enrollment.agreement': 'Contrato del programa firmado el {date}',
  'enrollment.noAgreement': 'Contrato del programa no registrado',
  'enrollment.enrolledOn': 'Inscripción el {date}',
  // The tab's word for an enrolment in force (tab/src/i18n enr_active).
  'enrollment.active': 'Activa',
  'enrollment.notEnrolled': 'Sin inscripción',
  'enrollment.renewal': 'Renovación el {date} ({relative})',
  'enrollment.lapsed': 'Vencida: renuévala antes de reservar vales',
  'enrollment.locations': 'Ubicaciones aprobadas: {locations}',
  'enrollment.savbDone': 'Registro en SAVB: {date}',
  'enrollment.savbNeeded': 'Falta el registro en SAVB (administrador global)',
  'enrollment.record': 'Registrar inscripción',
  'enrollment.renew': 'Renovar inscripción',
  'enrollment.recordSavb': 'Anotar el registro en SAVB',
  'enrollment.offering': 'Oferta',
  'enrollment.agreementDate': 'Contrato del programa firmado el',
  'enrollment.date': 'Fecha de inscripción',
  'enrollment.locationName': 'Ubicación del partner',
  'enrollment.countries': 'Países aprobados',

  'profile.title': 'Perfil de empresa',
  'profile.intro':
    'Mantén actualizado tu perfil de empresa en el Centro de partners; debe revisarse al menos una vez al año.',
  'profile.lastUpdated': 'Última actualización el {date} ({relative})',
  'profile.never': 'Todavía no hay ninguna actualización registrada.',
  'profile.recordCall': 'Cuando lo hayas revisado en el Centro de partners, registra la fecha aquí.',
  'profile.stale': 'Tiene más de un año: revísalo en el Centro de partners.',
  'profile.updatedOn': 'Actualizado el',
  'profile.record': 'Registrar actualización',

  'voucher.number': 'ID del vale',
  'voucher.customer': 'Cliente',
  'voucher.offering': 'Oferta',
  'voucher.engagement': 'Proyecto de planificación',
  'voucher.days': 'Duración',
  'voucher.state': 'Estado',
  'voucher.expires': 'Caduca',
  'voucher.assigned': 'Asignado',
  'voucher.admin': 'Administrador del vale',
  'voucher.country': 'País de entrega',
  'voucher.location': 'Ubicación del partner',
  'voucher.planned': 'Previsto',
  'voucher.consultants': 'Consultores',
  'voucher.reportSubmitted': 'Informe de finalización',
  'voucher.redeemed': 'Canjeado',
  'voucher.payment': 'Solicitud de pago',
  'voucher.period': '{start} – {end}',
};

export const esES: Translation = {
  ...esESGeneral,
  ...esESForms,
  ...esESResilience,
  ...esESTenants,
  ...esESGuidance,
  ...esESExtensions,
  ...esESJourneySteps,
  ...esESDialogs,
};
