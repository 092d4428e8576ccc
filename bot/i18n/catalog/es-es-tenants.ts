// Textos en español (España) de los datos de la organización: exportación, eliminación, el archivo exportado.
import type { Catalog } from './types';
import type { enTenants } from './en-tenants';

export const esESTenants = {
  'tenantData.title': 'Datos de la organización',
  'tenantData.intro':
    'Todo lo que la aplicación guarda de tu organización: {vouchers} vales, {people} personas, configuración, recordatorios y conversaciones. Solo un Administrador global puede exportarlo o eliminarlo.',
  'tenantData.exportHint':
    'La exportación es un archivo JSON con todos los documentos y los vales en CSV. En tu chat personal con la aplicación llega como archivo; Exportar en la pestaña descarga el mismo archivo.',
  'tenantData.export': 'Exportar datos',
  'tenantData.delete': 'Eliminar todos los datos…',
  'tenantData.confirmBody':
    'Esto elimina {vouchers} vales, {people} personas y toda la configuración, los recordatorios y las conversaciones que la aplicación guarda de tu organización. No se puede deshacer. Solo queda un registro de que la eliminación ocurrió (cuándo y quién).',
  'tenantData.confirmLabel': 'Confirmación',
  'tenantData.confirmToggle': 'Entiendo que los datos no se podrán recuperar',
  'tenantData.confirmRequired': 'Marca la casilla para confirmar la eliminación.',
  'tenantData.confirmButton': 'Eliminar todo',
  'tenantData.cancel': 'Cancelar',
  'tenantData.deleted':
    'Los datos de la organización se han eliminado. Si alguien vuelve a hablar con la aplicación, empieza como una organización nueva.',
  'tenantData.exportOffered': 'Acepta el archivo de abajo para recibir la exportación.',
  'tenantData.exportPersonalOnly':
    'Teams solo envía archivos en tu chat personal con la aplicación: pide la exportación allí o usa Exportar en la pestaña.',
  'tenantData.exportDescription':
    'Los datos de tu organización en Planning Services Companion (JSON, vales en CSV).',
  'tenantData.exportDone': 'Los datos de tu organización están en el archivo de arriba.',
  'tenantData.exportDeclined': 'Exportación cancelada: no se ha enviado ningún archivo.',
  'tenantData.exportFailed':
    'No se pudo subir la exportación. Inténtalo de nuevo o usa Exportar en la pestaña.',
  'settings.organizationData': 'Datos de la organización',
} satisfies Catalog & Record<keyof typeof enTenants, unknown>;
