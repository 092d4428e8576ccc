// The invoke table: one handler per invoke name Teams sends to /api/messages. Each surface (card actions,
// message extensions, dialogs) gets its turn through the same kit, so every action runs the same verb handler.
import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { TurnInput } from '../turn-input';
import type { VerbData, VerbEnv, VerbReply } from '../verbs/verb';

/** What the bot lends an invoke handler: the turn's environment and the verb table. */
export interface InvokeKit {
  /** The verb environment of a person's turn (scope, repositories under the turn's read policy). */
  verbEnv(turn: TurnInput, showsOnly: boolean): Promise<VerbEnv>;
  /**
   * Runs a card verb exactly as an Action.Execute does: the verb table's handler (zod, tenant scope, domain
   * guards, ETag-checked write). Undefined when the verb is unknown.
   */
  runVerb(env: VerbEnv, verb: string, data: VerbData): Promise<VerbReply | undefined>;
  /** Tells the app a change was stored (payment news goes out at once). */
  changed(tenantId: string, verb: string): void;
}

export type InvokeHandler = (
  context: TurnContext,
  turn: TurnInput,
  kit: InvokeKit,
) => Promise<InvokeResponse>;

export type InvokeRoutes = Readonly<Record<string, InvokeHandler>>;
