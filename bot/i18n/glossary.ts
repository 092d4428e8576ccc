// THE GLOSSARY (PRODUCT.md §6): one reviewed word per program concept and language, for the bot's catalogues and
// the tab's alike. Tests hold both to it: where the English text names a concept, the translation uses this
// word, and the words to avoid (machine-translation leftovers, the other product's name) appear nowhere.
import type { Locale } from './locale';

export interface GlossaryTerm {
  concept: string;
  /** Case-insensitive patterns (regex source): the English one finds the concept, the others must follow it. */
  terms: Record<Locale, string>;
  /** Words that must not stand for this concept in that language. */
  avoid?: Partial<Record<Locale, string[]>>;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    concept: 'voucher',
    terms: { en: '\\bvouchers?\\b', 'pt-BR': '\\bvouchers?\\b', 'es-ES': '\\bvales?\\b' },
    avoid: {
      en: ['\\bcoupon'],
      'pt-BR': ['comprovante', '\\bcupo[mn]', '\\bvale\\b'],
      'es-ES': ['voucher', 'cup[oó]n', '\\bbono'],
    },
  },
  {
    concept: 'engagement',
    terms: {
      en: '\\bengagements?\\b',
      'pt-BR': 'projetos? de planejamento',
      'es-ES': 'proyectos? de planificaci[oó]n',
    },
    avoid: { 'pt-BR': ['engajamento', 'compromisso'], 'es-ES': ['compromiso'] },
  },
  {
    concept: 'redeem',
    terms: { en: '\\bredee?m|redemption', 'pt-BR': 'resgat', 'es-ES': 'canje' },
    avoid: { 'pt-BR': ['reembols'], 'es-ES': ['redimi', '\\bcanje de\\b'] },
  },
  {
    concept: 'completion report',
    terms: {
      en: 'completion report',
      'pt-BR': 'relatório de conclusão',
      'es-ES': 'informe de finalización',
    },
    avoid: {
      'pt-BR': ['relat[oó]rio de (finaliza|encerramento|t[ée]rmino)'],
      'es-ES': ['informe de (conclusi|cierre|terminaci)'],
    },
  },
  {
    concept: 'payment request',
    terms: {
      en: '\\bpayment requests?\\b',
      'pt-BR': 'solicitaç(ão|ões) de pagamento',
      'es-ES': 'solicitud(es)? de pago',
    },
    avoid: { 'es-ES': ['solicitud de reembolso'] },
  },
  {
    concept: 'offering',
    terms: { en: '\\bofferings?\\b', 'pt-BR': '\\bofertas?\\b', 'es-ES': '\\bofertas?\\b' },
  },
  {
    concept: 'enrollment',
    terms: { en: '\\benrol', 'pt-BR': 'inscri|inscrev', 'es-ES': 'inscri|inscrib' },
    avoid: { en: ['\\benrolment\\b'], 'pt-BR': ['\\bmatr[ií]cula'], 'es-ES': ['\\bmatr[ií]cula'] },
  },
  {
    concept: 'eligibility',
    terms: { en: '\\beligib', 'pt-BR': 'elegib|eleg[ií]vel', 'es-ES': 'requisitos' },
    avoid: { 'es-ES': ['idoneidad'] },
  },
  {
    concept: 'business profile',
    terms: { en: 'business profile', 'pt-BR': 'perfil comercial', 'es-ES': 'perfil de empresa' },
    avoid: { 'pt-BR': ['perfil da empresa'], 'es-ES': ['perfil comercial'] },
  },
  {
    concept: 'Partner Center',
    terms: { en: 'Partner Center', 'pt-BR': 'Partner Center', 'es-ES': 'Centro de partners' },
    avoid: { 'es-ES': ['Partner Center'] },
  },
  {
    // The consultant's own assessment that qualifies them for the engagement — not a "valid" one.
    concept: 'qualifying assessment',
    terms: {
      en: 'qualifying assessment',
      'pt-BR': 'avaliaç(ão|ões) qualificadora',
      'es-ES': 'evaluaci(ón|ones) que l[oa]s? cualifi',
    },
    avoid: { 'es-ES': ['evaluaci[oó]n v[aá]lida'], 'pt-BR': ['avalia[cç][aã]o v[aá]lida'] },
  },
  {
    concept: 'compliance training',
    terms: {
      en: 'compliance training',
      'pt-BR': 'treinamento de conformidade',
      'es-ES': 'formación de cumplimiento',
    },
  },
];

/** A case-insensitive, Unicode-aware matcher for one glossary pattern. */
export function glossaryPattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

/** A catalogue message as plain words: plural forms joined, `{placeholders}` dropped (a name is not a word). */
export function glossaryText(message: string | Record<string, string>): string {
  const text = typeof message === 'string' ? message : Object.values(message).join(' | ');
  return text.replace(/\{[^}]*\}/g, ' ');
}

type Messages = Readonly<Record<string, string | Record<string, string>>>;

/** Where a catalogue strays from the glossary: a translation missing the concept's word where the English text
 *  names it, or a word to avoid anywhere. `english` is the same catalogue's English (the keys must match). */
export function glossaryViolations(english: Messages, translated: Messages, locale: Locale): string[] {
  const out: string[] = [];
  for (const term of GLOSSARY) {
    const named = glossaryPattern(term.terms.en);
    const word = glossaryPattern(term.terms[locale]);
    for (const [key, message] of Object.entries(english)) {
      const text = translated[key];
      if (text === undefined || !named.test(glossaryText(message))) continue;
      if (!word.test(glossaryText(text)))
        out.push(
          `${locale} ${key}: "${glossaryText(text).trim()}" does not say ${term.terms[locale]} (${term.concept})`,
        );
    }
    for (const avoid of term.avoid?.[locale] ?? []) {
      const re = glossaryPattern(avoid);
      for (const [key, text] of Object.entries(translated))
        if (re.test(glossaryText(text))) out.push(`${locale} ${key}: uses "${avoid}" for ${term.concept}`);
    }
  }
  return out;
}
