// What a person sees when the database does not answer in time (store/budget.ts) and what Teams gets for an
// invoke the bot does not handle. Each invoke family has its own answer shape; botbuilder's default was an
// HTTP 501 that Teams shows as "Unable to reach the app".
import { t, type Locale } from '../i18n';
import { StoreUnavailable } from '../store';
import { noticeCard, type Card } from './views';

/** The StoreUnavailable behind a failure, if that is what it is. */
export function storeUnavailableOf(err: unknown): StoreUnavailable | undefined {
  return err instanceof StoreUnavailable ? err : undefined;
}

/** The two lines of the busy answer: nothing changed, try again — or: the change may have been saved, check. */
export function busyLines(locale: Locale, err: StoreUnavailable): { title: string; body: string } {
  return err.outcome === 'unknown'
    ? { title: t(locale, 'busy.unknownTitle'), body: t(locale, 'busy.unknown') }
    : { title: t(locale, 'busy.title'), body: t(locale, 'busy.notApplied') };
}

/** The localized busy card, with the correlation id to quote. */
export function busyCard(locale: Locale, err: StoreUnavailable, correlationId: string): Card {
  const { title, body } = busyLines(locale, err);
  return noticeCard(locale, {
    tone: err.outcome === 'unknown' ? 'warning' : 'error',
    text: title,
    details: [body, t(locale, 'busy.reference', { id: correlationId })],
  });
}

export interface InvokeAnswer {
  status: number;
  body?: unknown;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * An invoke answered with a message instead of its result, in the shape its family expects: a message
 * extension shows `composeExtension.text`, a dialog shows `task.value`, Universal Actions the card or error.
 */
export function invokeMessage(name: string, text: string, card?: Card): InvokeAnswer {
  if (name === 'adaptiveCard/action' && card)
    return { status: 200, body: { statusCode: 200, type: CARD, value: card } };
  if (name.startsWith('adaptiveCard/'))
    return {
      status: 200,
      body: {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: text },
      },
    };
  if (
    name === 'composeExtension/fetchTask' ||
    name === 'composeExtension/submitAction' ||
    name.startsWith('task/')
  )
    return { status: 200, body: { task: { type: 'message', value: text } } };
  if (name.startsWith('composeExtension/'))
    return { status: 200, body: { composeExtension: { type: 'message', text } } };
  return { status: 200, body: { error: { code: 'NotSupported', message: text } } };
}

/** The answer to an invoke name the invoke table does not have (invokes/routes.ts). */
export function unsupportedInvoke(name: string, locale: Locale): InvokeAnswer {
  const text = t(locale, 'invoke.unsupported');
  return invokeMessage(name, text, noticeCard(locale, { tone: 'error', text }));
}

/** The answer to an invoke whose handler met a database that did not answer in time. */
export function busyInvoke(
  name: string,
  locale: Locale,
  err: StoreUnavailable,
  correlationId: string,
): InvokeAnswer {
  const { title, body } = busyLines(locale, err);
  const text = `${title}. ${body} ${t(locale, 'busy.reference', { id: correlationId })}`;
  return invokeMessage(name, text, busyCard(locale, err, correlationId));
}
