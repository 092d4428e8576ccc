// Free text → what the person wants, in English, Portuguese or Spanish. Deliberately simple: the text is
// normalized (case, accents, punctuation folded) and matched against known phrases as whole words; the
// longest phrase found wins. A pasted voucher email is recognised by its shape and starts intake; a voucher
// number or a voucher link on the app's own host opens that voucher.
import { fieldLabelCount, validateVoucherId } from '../program';
import { voucherIdInText } from './voucher-link-id';

export type IntentKind =
  | 'welcome'
  | 'help'
  | 'status'
  | 'next'
  | 'eligibility'
  | 'enrollment'
  | 'profile'
  | 'intake'
  | 'reserve'
  | 'cancelReservation'
  | 'report'
  | 'redeem'
  | 'payment'
  | 'paymentOutcome'
  | 'vouchers'
  | 'people'
  | 'claimAdmin'
  | 'settings'
  | 'language'
  | 'reminders'
  | 'testReminder';

export type Intent =
  | { kind: IntentKind }
  | { kind: 'voucher'; voucherNumber: string }
  | { kind: 'voucherLink'; voucherId: string }
  | { kind: 'pastedEmail'; text: string }
  | { kind: 'unknown' };

/** Phrases per intent, all three languages together (a person may mix them). Written naturally; normalized at load. */
const PHRASES: Record<IntentKind, readonly string[]> = {
  welcome: [
    'hi',
    'hello',
    'hey',
    'good morning',
    'olá',
    'oi',
    'bom dia',
    'boa tarde',
    'hola',
    'buenos días',
    'buenas tardes',
    'start',
    'começar',
    'empezar',
  ],
  help: [
    'help',
    'what can you do',
    'how does this work',
    'ajuda',
    'socorro',
    'o que você faz',
    'como funciona',
    'ayuda',
    'qué puedes hacer',
    'cómo funciona',
    'commands',
    'comandos',
  ],
  status: [
    'status',
    'overview',
    'summary',
    'dashboard',
    'situação',
    'resumo',
    'visão geral',
    'estado',
    'resumen',
    'situación',
    'panorama',
  ],
  next: [
    "what's next",
    'whats next',
    'what is next',
    'next',
    'next step',
    'next steps',
    'what now',
    'what should i do',
    'to do',
    'todo',
    'próximo passo',
    'próximos passos',
    'próximo',
    'o que falta',
    'o que fazer',
    'e agora',
    'pendências',
    'siguiente paso',
    'siguientes pasos',
    'siguiente',
    'qué sigue',
    'qué hago',
    'qué falta',
    'pendientes',
    'próximo paso',
  ],
  eligibility: [
    'eligibility',
    'verify eligibility',
    'eligible',
    'competency',
    'competencies',
    'compliance training',
    'training',
    'assessment',
    'my assessments',
    'elegibilidade',
    'verificar elegibilidade',
    'elegível',
    'competência',
    'competências',
    'treinamento',
    'avaliação',
    'elegibilidad',
    'verificar elegibilidad',
    'competencia',
    'competencias',
    'formación',
    'capacitación',
    'evaluación',
    // The glossary's Spanish word for eligibility is "requisitos"; "idoneidad" (the tab's old word) is still understood.
    'requisitos',
    'idoneidad',
  ],
  enrollment: [
    'enrollment',
    'enrolment',
    'enroll',
    'enrol',
    'renew',
    'renewal',
    'agreement',
    'savb',
    'offerings',
    'inscrição',
    'inscrever',
    'renovar',
    'renovação',
    'acordo',
    'ofertas',
    'inscripción',
    'inscribir',
    'renovación',
    'acuerdo',
  ],
  profile: [
    'profile',
    'business profile',
    'perfil',
    'perfil comercial',
    'perfil de negócios',
    'perfil empresarial',
    'perfil de empresa',
  ],
  intake: [
    'new voucher',
    'add voucher',
    'record voucher',
    'register voucher',
    'voucher intake',
    'received a voucher',
    'novo voucher',
    'adicionar voucher',
    'registrar voucher',
    'recebi um voucher',
    'nuevo vale',
    'añadir vale',
    'registrar vale',
    'recibí un vale',
  ],
  reserve: [
    'reserve',
    'reserve voucher',
    'reserve a voucher',
    'reservation',
    'validate voucher',
    'reservar',
    'reservar voucher',
    'reserva',
    'validar voucher',
    'reservar vale',
    'validar vale',
  ],
  cancelReservation: [
    'cancel reservation',
    'cancel the reservation',
    'cancelar reserva',
    'cancelar a reserva',
    'cancelar la reserva',
  ],
  report: [
    'report',
    'completion report',
    'submit report',
    'submit the completion report',
    'deliverables',
    'relatório',
    'relatório de conclusão',
    'enviar relatório',
    'entregáveis',
    'informe',
    'informe de finalización',
    'enviar informe',
    'entregables',
  ],
  redeem: [
    'redeem',
    'redeem voucher',
    'redemption',
    'resgatar',
    'resgatar voucher',
    'resgate',
    'canjear',
    'canjear vale',
    'canje',
  ],
  payment: [
    'payment',
    'payment request',
    'request payment',
    'invoice',
    'pagamento',
    'solicitar pagamento',
    'solicitação de pagamento',
    'fatura',
    'pago',
    'solicitar pago',
    'solicitud de pago',
    'factura',
  ],
  paymentOutcome: [
    'payment approved',
    'payment received',
    'payment denied',
    'paid',
    'pagamento aprovado',
    'pagamento recebido',
    'pagamento negado',
    'pago aprobado',
    'pago recibido',
    'pago denegado',
  ],
  vouchers: [
    'vouchers',
    'my vouchers',
    'voucher list',
    'list vouchers',
    'meus vouchers',
    'lista de vouchers',
    'vales',
    'mis vales',
    'lista de vales',
  ],
  people: [
    'people',
    'roles',
    'people and roles',
    'team',
    'who is admin',
    'pessoas',
    'funções',
    'papéis',
    'equipe',
    'personas',
    'roles y personas',
    'equipo',
  ],
  claimAdmin: [
    'claim admin',
    'claim global admin',
    'make me admin',
    'assumir administrador',
    'quero ser administrador',
    'reclamar administrador',
    'ser administrador',
  ],
  settings: [
    'settings',
    'preferences',
    'time zone',
    'program channel',
    'configurações',
    'preferências',
    'fuso horário',
    'configuración',
    'preferencias',
    'zona horaria',
    'ajustes',
  ],
  language: [
    'language',
    'change language',
    'english',
    'idioma',
    'língua',
    'mudar idioma',
    'português',
    'cambiar idioma',
    'español',
    'espanhol',
    'inglês',
    'inglés',
  ],
  reminders: [
    'reminders',
    'deadlines',
    'due dates',
    'lembretes',
    'prazos',
    'recordatorios',
    'plazos',
    'vencimientos',
  ],
  testReminder: [
    'test reminder',
    'send me a test reminder',
    'send a test reminder',
    'lembrete de teste',
    'enviar lembrete de teste',
    'envie um lembrete de teste',
    'recordatorio de prueba',
    'enviar recordatorio de prueba',
    'envíame un recordatorio de prueba',
  ],
};

/** Lower case, accents folded, apostrophes dropped, everything else that is not a letter or digit a space. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Phrase {
  intent: IntentKind;
  words: string[];
  text: string;
}

const TABLE: Phrase[] = (Object.entries(PHRASES) as [IntentKind, readonly string[]][]).flatMap(
  ([intent, phrases]) =>
    phrases.map((p) => {
      const text = normalize(p);
      return { intent, text, words: text.split(' ') };
    }),
);

function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;
/** Voucher-id-like: letters/digits in dash-separated groups with at least one digit, or one long code. */
const VOUCHER_ID =
  /\b(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{2,}(?:-[A-Za-z0-9]{2,}){1,}\b|\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{8,64}\b/;
const VOUCHER_WORD = /\b(voucher|vale|cupom|cupon|cupón)\b/i;

/** A pasted customer email: long or multi-line text carrying an email address or a voucher-id-like code. */
export function looksLikeVoucherEmail(text: string): boolean {
  // Two "Label: value" fields are voucher data even when a client glued the paste onto one short line.
  if (fieldLabelCount(text) >= 2) return true;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
  const long = text.length >= 160 || (lines >= 3 && text.length >= 60);
  if (!long) return false;
  return EMAIL.test(text) || (VOUCHER_ID.test(text) && VOUCHER_WORD.test(text));
}

/** "voucher 7F3K-22QX-9M1B", "vale 7F3K-22QX": one voucher by its number. */
function voucherReference(text: string): string | undefined {
  const m =
    /^\s*(?:show\s+|ver\s+|mostrar\s+|abrir\s+|open\s+)?(?:the\s+|o\s+|el\s+)?(?:voucher|vale)\s*(?:id\s*|n[ºo°.]?\s*|#\s*)?:?\s*([A-Za-z0-9][A-Za-z0-9-]{3,63})\s*$/i.exec(
      text,
    );
  const candidate = m?.[1];
  return candidate && /\d/.test(candidate) ? candidate : undefined;
}

/** "PS7Q-4K2M-19XD" on its own: the voucher-ID shape with a digit and a dash, so that words such as
 *  "follow-up" or "e-mail" stay words, and a date typed alone (2026-12-04) stays a date. */
function bareVoucherNumber(text: string): string | undefined {
  const token = text.trim().replace(/^[#"'“”«»]+|[.,;:!?"'“”«»]+$/g, '');
  if (!/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$/.test(token) || !/\d/.test(token)) return undefined;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(token)) return undefined;
  return validateVoucherId(token).ok ? token : undefined;
}

/** `publicHostname`: the app's own host; a pasted voucher link on it opens that voucher, as its number does. */
export function matchIntent(raw: string | undefined, publicHostname?: string): Intent {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'welcome' };
  if (/^[?¿]+$/.test(text)) return { kind: 'help' };
  const linked = voucherIdInText(text, publicHostname);
  if (linked) return { kind: 'voucherLink', voucherId: linked };
  if (looksLikeVoucherEmail(text)) return { kind: 'pastedEmail', text };
  const voucherNumber = voucherReference(text) ?? bareVoucherNumber(text);
  if (voucherNumber) return { kind: 'voucher', voucherNumber };

  const normalized = normalize(text);
  const words = normalized.split(' ');
  let best: Phrase | undefined;
  for (const phrase of TABLE) {
    if (phrase.text === normalized) return { kind: phrase.intent };
    if (containsWords(words, phrase.words) && (!best || phrase.words.length > best.words.length))
      best = phrase;
  }
  return best ? { kind: best.intent } : { kind: 'unknown' };
}
