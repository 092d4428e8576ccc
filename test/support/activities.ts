// Activity factories shaped like what Teams sends.
export interface ActivityOptions {
  serviceUrl: string;
  tenantId?: string;
  userId?: string;
  userName?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  locale?: string;
}

let seq = 0;

export function baseActivity(o: ActivityOptions): Record<string, unknown> {
  const tenantId = o.tenantId ?? 'tenant-a';
  const userId = o.userId ?? 'user-1';
  return {
    id: `incoming-${++seq}`,
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${userId}`, aadObjectId: userId, name: o.userName ?? 'Ana Souza' },
    recipient: { id: '28:bot', name: 'Planning Services Companion' },
    conversation: {
      id: o.conversationId ?? `a:conv-${tenantId}-${userId}`,
      conversationType: o.conversationType ?? 'personal',
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
    locale: o.locale ?? 'en-US',
  };
}

export function messageActivity(o: ActivityOptions, text: string): Record<string, unknown> {
  return { ...baseActivity(o), type: 'message', text };
}

export function invokeActivity(
  o: ActivityOptions,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...baseActivity(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
