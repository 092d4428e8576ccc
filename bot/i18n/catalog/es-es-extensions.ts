// es-ES texts of the message extension (message action, search, link unfurling) and voucher links.
import type { ExtensionsKey } from './en-extensions';
import type { Message } from './types';

export const esESExtensions: Record<ExtensionsKey, Message> = {
  'ext.addVoucherTitle': 'Añadir como vale',
  'ext.messageCut': 'Este mensaje es largo: solo he leído sus primeros {max} caracteres.',
  'ext.unknownCommand':
    'Esta aplicación no conoce ese comando. Actualiza la aplicación en Teams o di "ayuda" al bot en un chat.',
  'ext.noTenant':
    'Esto solo funciona para quien ha iniciado sesión en Microsoft Teams con una cuenta de organización.',
  'ext.failed':
    'Algo ha fallado. Vuelve a intentarlo en un momento. Si sigue pasando, indica este código: {id}',
  'ext.searchTooLong': 'Busca con un máximo de {max} caracteres: un ID de vale, un cliente o un estado.',
  'ext.preview': '{state} · {offering}',
  'link.openInStatusTab': 'Abrir en la pestaña Estado',
};
