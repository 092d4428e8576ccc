// Shape of a message catalogue. A message is a string with {placeholders}, or plural forms chosen by the
// `count` parameter through Intl.PluralRules (`other` is required because every language has it).
export type PluralMessage = { other: string } & Partial<
  Record<'zero' | 'one' | 'two' | 'few' | 'many', string>
>;
export type Message = string | PluralMessage;
export type Catalog = Record<string, Message>;
