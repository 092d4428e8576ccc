// Posts one proactive message through botbuilder's continueConversationAsync: botbuilder's own retries removed
// (every attempt is the sender's, counted and recorded) and the request aborted when it outlives the timeout.
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';

/** What the sender needs of botbuilder's CloudAdapter. */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
  readonly ConnectorClientKey?: symbol;
}

/** The message a reminder renders to. */
export type OutgoingMessage = Partial<Activity>;

export class SendTimeout extends Error {
  constructor(ms: number) {
    super(`no answer from the connector within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export type PostResult =
  | { kind: 'sent'; activityId: string }
  | { kind: 'failed'; error: unknown }
  /** No answer in time: the request was aborted, yet the connector may have taken it. `late` resolves with
   *  the activity id should the send still complete, else undefined. */
  | { kind: 'timedOut'; error: SendTimeout; late: Promise<string | undefined> };

export interface PostTarget {
  adapter: ProactiveAdapter;
  /** The bot's app id; empty in anonymous local mode. */
  botAppId: string;
  reference: Partial<ConversationReference>;
}

/** Posts `message`; a failure of the adapter itself (outside the send) rejects. */
export async function postProactive(
  target: PostTarget,
  message: OutgoingMessage,
  timeoutMs: number,
): Promise<PostResult> {
  const { adapter } = target;
  // The send's own error is kept rather than thrown inside the turn: an adapter with onTurnError (the app's)
  // would swallow it, tell the recipient "something went wrong", and make a failed send look delivered.
  let sendError: unknown;
  let sendFailed = false;
  let activityId = '';
  const abort = new AbortController();
  const sending = adapter
    .continueConversationAsync(target.botAppId, target.reference, async (context) => {
      removeBotbuilderRetries(adapter, context);
      abortRequestsWith(adapter, context, abort.signal);
      // A continuation activity carries a random id that would make this a reply to nothing.
      (context.activity as { id?: string }).id = undefined;
      try {
        const res = await context.sendActivity(message);
        activityId = res?.id ?? '';
      } catch (err) {
        sendFailed = true;
        sendError = err;
      }
    })
    .then(() => !sendFailed);
  try {
    const delivered = await withTimeout(sending, timeoutMs, () => abort.abort());
    return delivered ? { kind: 'sent', activityId } : { kind: 'failed', error: sendError };
  } catch (err) {
    if (!(err instanceof SendTimeout)) throw err;
    const late = sending.then(
      (ok) => (ok ? activityId : undefined),
      () => undefined,
    );
    return { kind: 'timedOut', error: err, late };
  }
}

/** botbuilder's HTTP pipeline would retry 429 and 5xx itself, invisibly to the limiter and the ledger. */
function removeBotbuilderRetries(adapter: ProactiveAdapter, context: TurnContext): void {
  const key = adapter.ConnectorClientKey;
  if (!key) return;
  const client = context.turnState.get(key) as
    { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

/**
 * Makes this turn's requests abortable: the connector client is created per turn, so the policy lives and
 * dies with it. (botbuilder's sendActivity takes no options; the pipeline is the one place a signal fits.)
 */
function abortRequestsWith(adapter: ProactiveAdapter, context: TurnContext, signal: AbortSignal): void {
  const key = adapter.ConnectorClientKey;
  if (!key) return;
  type Policy = {
    name: string;
    sendRequest: (
      request: { abortSignal?: AbortSignal },
      next: (r: unknown) => Promise<unknown>,
    ) => Promise<unknown>;
  };
  const client = context.turnState.get(key) as
    { client?: { pipeline?: { addPolicy?: (p: Policy) => unknown } } } | undefined;
  client?.client?.pipeline?.addPolicy?.({
    name: 'reminderSendAbort',
    sendRequest: (request, next) => {
      request.abortSignal = signal;
      return next(request);
    },
  });
}

function withTimeout<T>(p: Promise<T>, timeoutMs: number, onTimeout: () => void): Promise<T> {
  const ms = Math.min(timeoutMs, 2_147_483_647); // larger values overflow to 1 ms in Node
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new SendTimeout(ms));
      onTimeout();
    }, ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
