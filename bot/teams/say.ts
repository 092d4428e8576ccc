// Words the bot edge needs that are not (yet) in the i18n catalogues. `say` takes the catalogue's entry as
// soon as one exists under the same key; until then the three-language text below is used. Keys listed here
// are the ones requested from bot/i18n.
import { hasKey, interpolate, t, type Locale, type MessageParams } from '../i18n';

const PENDING = {
  'notice.notFound': {
    en: 'I could not find that. It may have been removed, or it belongs to another organization. Nothing was changed.',
    'pt-BR': 'Não encontrei isso. Pode ter sido removido ou pertence a outra organização. Nada foi alterado.',
    'es-ES': 'No lo encontré. Puede que se haya eliminado o que pertenezca a otra organización. No se cambió nada.',
  },
  'notice.voucherNumberNotFound': {
    en: 'There is no voucher {voucherNumber} here. Paste the customer\'s voucher email to record it.',
    'pt-BR': 'Não há nenhum voucher {voucherNumber} aqui. Cole o e-mail do voucher do cliente para registrá-lo.',
    'es-ES': 'No hay ningún vale {voucherNumber} aquí. Pegue el correo del vale del cliente para registrarlo.',
  },
  'notice.unknownVerb': {
    en: 'I do not know that action. Nothing was changed.',
    'pt-BR': 'Não conheço essa ação. Nada foi alterado.',
    'es-ES': 'No conozco esa acción. No se cambió nada.',
  },
  'notice.invalidCard': {
    en: 'This card is not valid. Nothing was changed. Here is the current version.',
    'pt-BR': 'Este cartão não é válido. Nada foi alterado. Aqui está a versão atual.',
    'es-ES': 'Esta tarjeta no es válida. No se cambió nada. Aquí está la versión actual.',
  },
  'notice.noTenant': {
    en: 'I work for one Microsoft Teams organization at a time, and I could not tell which one this is. Please use the app from Teams in your organization.',
    'pt-BR': 'Trabalho para uma organização do Microsoft Teams de cada vez e não consegui identificar qual é esta. Use o app no Teams da sua organização.',
    'es-ES': 'Trabajo para una organización de Microsoft Teams a la vez y no pude saber cuál es esta. Use la aplicación desde Teams en su organización.',
  },
  'help.notUnderstood': {
    en: 'I did not understand that. Here is what I can do.',
    'pt-BR': 'Não entendi. Veja o que posso fazer.',
    'es-ES': 'No lo entendí. Esto es lo que puedo hacer.',
  },
  'error.turn': {
    en: 'Something went wrong. If it happens again, quote this reference: {id}',
    'pt-BR': 'Algo deu errado. Se acontecer de novo, informe esta referência: {id}',
    'es-ES': 'Algo salió mal. Si vuelve a ocurrir, indique esta referencia: {id}',
  },
  'common.tooLongError': {
    en: 'Too long: at most {max} characters.',
    'pt-BR': 'Longo demais: no máximo {max} caracteres.',
    'es-ES': 'Demasiado largo: como máximo {max} caracteres.',
  },
  'common.numberError': {
    en: 'Enter a number.',
    'pt-BR': 'Informe um número.',
    'es-ES': 'Introduzca un número.',
  },
  'common.choiceError': {
    en: 'Choose one of the options.',
    'pt-BR': 'Escolha uma das opções.',
    'es-ES': 'Elija una de las opciones.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PendingKey = keyof typeof PENDING;

export function say(locale: Locale, key: PendingKey, params?: MessageParams): string {
  if (hasKey(key)) return t(locale, key, params);
  return interpolate(locale, PENDING[key][locale], params);
}

export const PENDING_KEYS = Object.keys(PENDING) as PendingKey[];
