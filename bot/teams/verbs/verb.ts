// What an Action.Execute verb handler is: it gets the turn (scope, repositories bound to the turn's read
// policy) and the card's data (ids, step, ETag and the person's inputs), and answers with a card.
import type { Logger } from '../../logger';
import type { Repos } from '../repos';
import type { TeamChannel } from '../turn-input';
import type { Card, ViewEnv } from '../views';

export interface VerbEnv extends ViewEnv {
  /** The turn's repositories, as current as the turn's read policy asks (teams/repos.ts). */
  repos: Repos;
  logger: Logger;
  /** The team channel the action came from (shared conversations in a team), from the activity. */
  channel?: TeamChannel;
}

export interface VerbReply {
  card: Card;
  /** Something was stored: in a shared conversation the card is updated for everyone. */
  changed: boolean;
  /** Attachments sent as a message of their own after the answer (the export's file consent card). */
  send?: { contentType: string; name?: string; content: unknown }[];
}

export type VerbData = Record<string, unknown>;
export type VerbHandler = (env: VerbEnv, data: VerbData) => Promise<VerbReply>;

/** Read-only verbs: show a card. */
export function showVerb(view: (env: VerbEnv, data: VerbData) => Promise<Card> | Card): VerbHandler {
  return async (env, data) => ({ card: await view(env, data), changed: false });
}
