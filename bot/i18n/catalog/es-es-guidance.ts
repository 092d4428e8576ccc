// es-ES texts that guide a newcomer: intake defaults, steps asked out of order, the eligibility summary.
import type { GuidanceKey } from './en-guidance';
import type { Message } from './types';

export const esESGuidance: Record<GuidanceKey, Message> = {
  'intake.default': 'Hoy de forma predeterminada: cámbiala si el vale se asignó antes',
  'intake.noVoucherFound':
    'No he encontrado ningún vale en ese mensaje. Introduce el vale tal como lo envió el cliente o pega el correo completo.',
  'stepOrder.message': '{wanted}: {first}.',
  'stepOrder.wanted.reserve': 'Aún no puedes reservar el vale {voucher}',
  'stepOrder.wanted.cancel': 'El vale {voucher} aún no tiene ninguna reserva que cancelar',
  'stepOrder.wanted.deliver': 'Aún no puedes marcar el vale {voucher} como entregado',
  'stepOrder.wanted.report': 'Aún no puedes enviar el informe de finalización del vale {voucher}',
  'stepOrder.wanted.redeem': 'Aún no puedes canjear el vale {voucher}',
  'stepOrder.wanted.payment': 'Aún no puedes enviar la solicitud de pago del vale {voucher}',
  'stepOrder.wanted.outcome': 'Aún no puedes registrar el resultado del pago del vale {voucher}',
  'stepOrder.first.reserve': 'antes hay que reservarlo',
  'stepOrder.first.deliver': 'antes hay que marcar el proyecto de planificación como entregado',
  'stepOrder.first.report': 'antes hay que enviar el informe de finalización',
  'stepOrder.first.redeem': 'antes hay que canjearlo',
  'stepOrder.first.payment': 'antes hay que enviar la solicitud de pago',
  'stepOrder.first.outcome': 'antes hay que registrar el resultado del pago',
  'stepOrder.noVoucher': 'Aún no hay ningún vale: primero registra el vale que envió el cliente.',
  'stepOrder.nothingWaiting': 'Ningún vale está esperando ese paso. Esto es lo que sigue.',
  'eligibility.deliverNow': 'Ya puedes entregar',
  'eligibility.nothingYet': 'Nada todavía.',
  'eligibility.oneStep': 'A un paso',
  'eligibility.unlocks': 'Desbloquea {engagements}',
  'eligibility.showRest': { one: 'Mostrar {count} oferta más', other: 'Mostrar {count} ofertas más' },
};
