// The built-in rules profiles (PRODUCT.md §7). Imported as data so they ship with the compiled code.
import program2020 from './program-2020.json';
import retirement2021 from './retirement-2021.json';

export const DEFAULT_PROFILE = 'program-2020';

/** Raw profile documents by name; validate with parseRules before use. */
export const PROFILES: Readonly<Record<string, unknown>> = {
  'program-2020': program2020,
  'retirement-2021': retirement2021,
};
