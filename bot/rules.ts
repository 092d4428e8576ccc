// Loads the program rules at start-up: a built-in profile, or an operator's rules file. Anything wrong
// stops start-up with one line per problem naming the field.
import { readFileSync } from 'node:fs';
import { builtInRules, parseRules, type Rules } from './program';

export interface RulesSource {
  profile: string;
  /** A JSON rules file that replaces the built-in profile. */
  file?: string;
}

export class RulesError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Program rules ${source} are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RulesError';
  }
}

export function loadRules(source: RulesSource): Rules {
  if (source.file) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch (err) {
      throw new RulesError(`file ${source.file}`, [`(file): cannot be read (${(err as Error).message})`]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new RulesError(`file ${source.file}`, [`(file): is not valid JSON (${(err as Error).message})`]);
    }
    const result = parseRules(json);
    if (!result.ok) throw new RulesError(`file ${source.file}`, result.errors);
    return result.rules;
  }
  const result = builtInRules(source.profile);
  if (!result.ok) throw new RulesError(`profile ${source.profile}`, result.errors);
  return result.rules;
}
