// The tab's Spanish words for acting on a voucher (dialogs) and for the team tab's configuration pages.
import type { enActions } from './en-actions';

export const esESActions: Record<keyof typeof enActions, string> = {
  detailNext: 'Siguiente paso',
  detailActions: 'Lo que puede hacer ahora',
  action_reserve: 'Reservar',
  action_cancelReservation: 'Cancelar reserva',
  action_markDelivered: 'Marcar como entregado',
  action_submitReport: 'Informe de finalización',
  action_redeem: 'Canjear',
  action_requestPayment: 'Solicitud de pago',
  action_recordOutcome: 'Resultado del pago',
  action_setExpiry: 'Corregir la caducidad',
  actionDialogLabel: '{action} · vale {voucher}',
  actionFailed: 'No se pudo enviar la acción. Compruebe su conexión e inténtelo de nuevo.',
  actionDone: 'Guardado. El vale {voucher} está actualizado.',
  configHeading: 'Planning Services para este equipo',
  configBody:
    'Esta pestaña muestra el estado de Planning Services de su organización a todos en el canal: configuración, vales, plazos y pagos. Cada persona lo ve con su propio inicio de sesión de Teams. Seleccione Guardar para añadirla.',
  configTabName: 'Planning Services',
  removeHeading: '¿Quitar esta pestaña?',
  removeBody:
    'Quitar la pestaña solo la retira de este canal. Sus vales y los datos de su organización siguen en la aplicación y en el chat con el bot.',
};
