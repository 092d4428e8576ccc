// es-ES texts added for the newcomer's journey (issue #14); en-journey-steps.ts defines the keys.
import type { JourneyStepsKey } from './en-journey-steps';
import type { Message } from './types';

export const esESJourneySteps: Record<JourneyStepsKey, Message> = {
  'enrollment.location': 'Ubicación aprobada: {locations}',
  'refusal.enrollment.renewalNotOpen':
    'La inscripción en {offeringId} se puede renovar a partir del {opensOn} (vence el {dueOn}).',
  'enrollment.savbDoneReference': 'Registro en SAVB: {date} (referencia {reference})',
  'payment.savbRegisterIntro':
    'Registra {offering} en SAVB una vez y después anota aquí la fecha y la referencia que SAVB dio al registro. La solicitud de pago viene justo después.',
  'payment.savbRegisteredOn': 'Registrado en SAVB el',
  'payment.savbRegistrationReference': 'Referencia del registro en SAVB',
  'payment.savbRegister': 'Anotar el registro en SAVB',
  'payment.savbAskAdmin':
    'Solo un administrador global puede anotar el registro en SAVB: pídeselo a {names}.',
  'payment.savbAskAdminNobody':
    'Solo un administrador global puede anotar el registro en SAVB y nadie tiene ese rol todavía: consulta Personas.',
  'notice.alreadyDone':
    'Esto ya está hecho: {what}, por {who} el {when}. Este es el vale tal como está ahora.',
  'notice.changedBy':
    'Esto ha cambiado desde que lo abriste: {what}, por {who} el {when}. Esta es la versión actual.',
};
