// Textos en español (España) para una base de datos ocupada o inaccesible y peticiones que el bot no puede usar.
import type { Catalog } from './types';

export const esESResilience = {
  'busy.title': 'El servicio está ocupado en este momento',
  'busy.notApplied': 'No se ha cambiado nada. Inténtalo de nuevo dentro de un momento.',
  'busy.unknownTitle': 'Es posible que tu cambio no se haya guardado',
  'busy.unknown':
    'El servicio no confirmó tu cambio a tiempo. Abre de nuevo el elemento para comprobar si se guardó antes de repetirlo.',
  'busy.reference': 'Si vuelve a ocurrir, indica esta referencia: {id}',
  'busy.api':
    'El servicio está ocupado en este momento. No se ha cambiado nada. Inténtalo de nuevo dentro de un momento.',
  'invoke.unsupported': 'La aplicación no admite esta acción aquí. No se ha cambiado nada.',
} satisfies Catalog;
