// The Teams app id of a deployment: TEAMS_APP_ID, else a name-based UUID of the bot id, so each bot gets its
// own stable app id. Shared by the packaging script (manifest `id`) and the app (Teams deep links).
import { createHash } from 'node:crypto';

/** Namespace of the name-based UUIDs this project derives (fixed forever: changing it changes app ids). */
export const TEAMS_APP_ID_NAMESPACE = '6f1d3b8e-2c55-4a7e-9b0f-3d2f6c1a9e47';

export const GUID_PATTERN = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** The app id derived from a bot id ('' when the bot id is not a GUID). */
export function derivedTeamsAppId(botAppId: string): string {
  return GUID_PATTERN.test(botAppId) ? nameBasedUuid(TEAMS_APP_ID_NAMESPACE, botAppId.toLowerCase()) : '';
}

/** RFC 4122 version-5 UUID. */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
