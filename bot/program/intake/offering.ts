// Offering: a catalogue code (DDPS, SDPS, …) written out, or recognised from the product the voucher is for.
import { findLabelled } from './labels';
import { evidenceOf, fold, wordsRegex } from './text';
import type { Hit } from './types';

/** The 2020 catalogue (PRODUCT.md §3); callers pass the active rules' codes instead when they have them. */
export const DEFAULT_OFFERING_CODES = ['DDPS', 'DYDPS', 'PVDPS', 'SDPS', 'S-EDPS', 'SSDPS'] as const;

interface ProductRule {
  code: string;
  /** Matched against the folded line (lower case, no accents). */
  folded?: RegExp;
  /** Matched against the original line, where capitalisation is the evidence. */
  original?: RegExp;
}

/** Whole words (accented letters count as letters), matched against the folded line. */
const productWords = (alternatives: string) => wordsRegex([alternatives], 'u');

// Long names and product words in en, pt-BR and es-ES, as the source translations and customers write them.
const PRODUCT_RULES: ProductRule[] = [
  { code: 'SDPS', folded: productWords('sharepoint|project (?:and|e|y) portfolio|project server') },
  {
    code: 'SSDPS',
    folded: productWords('sql(?: server)?|data estate|data platform|plataforma de dados|plataforma de datos'),
  },
  // "Skype: ana.souza" is a signature's contact line, not the product.
  { code: 'S-EDPS', folded: productWords('skype(?! ?:)|lync|exchange (?:server|online)') },
  // Lower-case "exchange" is an ordinary English word ("in exchange for"); the product is capitalised.
  { code: 'S-EDPS', original: /(?<![\p{L}])Exchange(?![\p{L}])/u },
  { code: 'DYDPS', folded: productWords('dynamics') },
  {
    code: 'PVDPS',
    folded: productWords(
      'private cloud|nuvem privada|nube privada|virtuali[sz]ation|virtualizacao|virtualizacion|windows server',
    ),
  },
  {
    code: 'DDPS',
    folded: productWords(
      'desktop(?! remoto)|area de trabalho|(?:planificacion|implementacion|implantacion) (?:de|del) escritorio|windows (?:and|e|y) office|mobile productivity|produtividade movel|productividad movil',
    ),
  },
];

// Labels of a line that names the offering ("Oferta: SharePoint", "Programa: SDPS").
export const OFFERING_LABELS = [
  'offering',
  'oferta',
  'offer',
  'program(?:me)?',
  'programa',
  'benefit',
  'beneficio',
  'product',
  'produto',
  'producto',
  'service',
  'servico',
  'servicio',
  '(?:voucher|vale|cupom|cupon) type',
  'tipo de (?:voucher|vale|cupom|cupon|comprovante|justificante|bono)',
  'planning services?',
  'servicos de planejamento',
  'servicios de planificacion',
];

const key = (code: string) => code.replace(/-/g, '').toUpperCase();

export interface OfferingScan {
  /** Hits of the strongest kind of evidence present; several distinct codes mean it is ambiguous. */
  hits: Hit<string>[];
}

/** The strongest evidence present decides, never mixed: a labelled offering line, else a catalogue code, else a
 *  product word (so a signature listing every product cannot outvote the voucher's own words). */
export function findOfferings(lines: readonly string[], offeringCodes: readonly string[]): OfferingScan {
  const catalogue = new Map(offeringCodes.map((c) => [key(c), c]));
  const inCatalogue = (code: string) => catalogue.get(key(code));

  const labelled = findLabelled(lines, OFFERING_LABELS).flatMap(({ value, evidence }) =>
    [...codesIn(value, inCatalogue), ...productsIn(value, inCatalogue)].map((code) => ({
      value: code,
      evidence,
    })),
  );
  if (labelled.length > 0) return { hits: labelled };

  const coded = lines.flatMap((line) =>
    codesIn(line, inCatalogue).map((code) => ({ value: code, evidence: evidenceOf(line) })),
  );
  if (coded.length > 0) return { hits: coded };

  return {
    hits: lines.flatMap((line) =>
      productsIn(line, inCatalogue).map((code) => ({ value: code, evidence: evidenceOf(line) })),
    ),
  };
}

function codesIn(text: string, inCatalogue: (code: string) => string | undefined): string[] {
  const tokens = text.match(/[A-Za-z]+(?:-[A-Za-z]+)*/g) ?? [];
  return tokens.map(inCatalogue).filter((c): c is string => c !== undefined);
}

function productsIn(text: string, inCatalogue: (code: string) => string | undefined): string[] {
  const folded = fold(text);
  return PRODUCT_RULES.filter((r) => (r.folded?.test(folded) ?? false) || (r.original?.test(text) ?? false))
    .map((r) => inCatalogue(r.code))
    .filter((c): c is string => c !== undefined);
}
