// Textos em português (Brasil) para um banco de dados ocupado ou inacessível e pedidos que o bot não pode usar.
import type { Catalog } from './types';

export const ptBRResilience = {
  'busy.title': 'O serviço está ocupado no momento',
  'busy.notApplied': 'Nada foi alterado. Tente novamente em instantes.',
  'busy.unknownTitle': 'Sua alteração pode não ter sido salva',
  'busy.unknown':
    'O serviço não confirmou sua alteração a tempo. Abra o item novamente para ver se ela foi salva antes de repeti-la.',
  'busy.reference': 'Se isso continuar acontecendo, informe esta referência: {id}',
  'busy.api': 'O serviço está ocupado no momento. Nada foi alterado. Tente novamente em instantes.',
  'invoke.unsupported': 'O aplicativo não oferece esta ação aqui. Nada foi alterado.',
} satisfies Catalog;
