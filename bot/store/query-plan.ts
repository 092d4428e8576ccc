// Single-partition queries without the SDK's query-plan request. @azure/cosmos 4.9 asks the gateway for a plan
// in parallel with every query and uses it only when the gateway answers "needs a query plan", which a query
// scoped to one partition key never gets (Azure/azure-sdk-for-js#4978): one wasted round trip per query. The
// plan slot is a private field of the SDK's iterator, so it is filled only on the SDK version checked here.
import { Constants, type QueryIterator } from '@azure/cosmos';

/** The @azure/cosmos version whose private iterator field `skipQueryPlan` fills. */
export const QUERY_PLAN_SDK_VERSION = '4.9.3';

/** The installed SDK's version, read once at start. */
const INSTALLED_SDK_VERSION: string = Constants.SDKVersion;

/** The marker in the plan slot: surfaces only when a query needed the plan after all. */
class QueryPlanSkipped extends Error {
  constructor() {
    super('query plan skipped');
  }
}

/**
 * Puts the marker in the iterator's plan slot so no plan request goes out; true when it did. On any other SDK
 * version, or when the slot is not the empty own field with the plan fetcher beside it, the iterator is left
 * as the SDK made it (the SDK's usual path, one more round trip).
 */
export function skipQueryPlan(iterator: QueryIterator<unknown>, sdkVersion = INSTALLED_SDK_VERSION): boolean {
  if (sdkVersion !== QUERY_PLAN_SDK_VERSION) return false;
  const internals = iterator as unknown as { queryPlanPromise?: unknown; fetchQueryPlan?: unknown };
  if (!Object.hasOwn(internals, 'queryPlanPromise') || internals.queryPlanPromise !== undefined) return false;
  if (typeof internals.fetchQueryPlan !== 'function') return false;
  internals.queryPlanPromise = Promise.resolve(new QueryPlanSkipped());
  return true;
}

/** Runs `run` over an iterator without the plan request, and once more the SDK's way if the query needed it. */
export async function planless<R, O>(
  start: () => QueryIterator<R>,
  run: (iterator: QueryIterator<R>) => Promise<O>,
  sdkVersion = INSTALLED_SDK_VERSION,
): Promise<O> {
  const iterator = start();
  if (!skipQueryPlan(iterator, sdkVersion)) return run(iterator);
  try {
    return await run(iterator);
  } catch (err) {
    if (!(err instanceof QueryPlanSkipped)) throw err;
    return run(start());
  }
}
