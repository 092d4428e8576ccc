// The three catalogues. English defines the keys; the others must have exactly the same ones (type + test).
import type { Locale } from '../locale';
import { en } from './en';
import { esES } from './es-es';
import { ptBR } from './pt-br';
import type { Message } from './types';

export type MessageKey = keyof typeof en;
export type Translation = Record<MessageKey, Message>;

export const catalogs: Record<Locale, Translation> = { en, 'pt-BR': ptBR, 'es-ES': esES };
