// The bot edge's words come from the i18n catalogues like every other string; `say` is `t` under the name
// the edge (bot/app.ts's turn error handler, the verbs) already uses.
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n';

export function say(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return t(locale, key, params);
}
