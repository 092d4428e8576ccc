// pt-BR texts of the message extension (message action, search, link unfurling) and voucher links.
import type { ExtensionsKey } from './en-extensions';
import type { Message } from './types';

export const ptBRExtensions: Record<ExtensionsKey, Message> = {
  'ext.addVoucherTitle': 'Adicionar como voucher',
  'ext.messageCut': 'Esta mensagem é longa: li apenas os primeiros {max} caracteres.',
  'ext.unknownCommand':
    'Este aplicativo não conhece esse comando. Atualize o aplicativo no Teams ou diga "ajuda" ao bot em um chat.',
  'ext.noTenant': 'Isto só funciona para quem entrou no Microsoft Teams com uma conta de organização.',
  'ext.failed':
    'Algo deu errado. Tente de novo em instantes. Se continuar acontecendo, informe este código: {id}',
  'ext.searchTooLong': 'Pesquise com no máximo {max} caracteres: um ID de voucher, um cliente ou um estado.',
  'ext.preview': '{state} · {offering}',
  'link.openInStatusTab': 'Abrir na guia Status',
};
