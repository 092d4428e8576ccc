// fileConsent/invoke: the person accepted (or declined) the export's file consent card in their personal chat.
// On accept the export is made again for them (the role is checked again), uploaded to the address Teams
// gave (OneDrive), and a file card points to it. The consent card's context names the file, never data.
import { z } from 'zod';
import type { Logger } from '../../logger';
import { refusalMessage } from '../../i18n';
import { say } from '../say';
import { EXPORT_CONTEXT, exportFileName, type TenantDataActions } from '../verbs/tenant';
import type { InvokeHandler } from './routes';

const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const ConsentValue = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ file: z.literal(EXPORT_CONTEXT.file) }).optional(),
  uploadInfo: z
    .object({
      name: z.string().min(1).max(255).optional(),
      uploadUrl: z.string().url().max(4096),
      contentUrl: z.string().url().max(4096),
      uniqueId: z.string().max(256).optional(),
      fileType: z.string().max(32).optional(),
    })
    .optional(),
});

export interface FileConsentDeps {
  data?: TenantDataActions;
  /** Development only: a loopback upload address (a local test peer); production uploads over https only. */
  allowLoopbackUploads: boolean;
  logger: Logger;
}

/** Where an upload may go: Teams hands out https addresses; loopback only in development. */
export function uploadAllowed(url: string, allowLoopback: boolean): boolean {
  const u = new URL(url);
  if (u.protocol === 'https:') return true;
  const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  return allowLoopback && u.protocol === 'http:' && loopback;
}

export function fileConsentInvoke(deps: FileConsentDeps): InvokeHandler {
  return async (context, turn, kit) => {
    const value = ConsentValue.safeParse(context.activity.value);
    if (!turn.identity || !deps.data || !value.success || !value.data.context) return { status: 200 };
    const env = await kit.verbEnv(turn, false);
    const { locale } = env.scope;
    const { uploadInfo } = value.data;
    if (value.data.action === 'decline' || !uploadInfo) {
      await context.sendActivity(say(locale, 'tenantData.exportDeclined'));
      return { status: 200 };
    }
    const result = await deps.data.exportFor(env.scope.tenantId, env.scope.userId);
    if (!result.ok) {
      await context.sendActivity(refusalMessage(locale, result.refusal, env.scope.timeZone));
      return { status: 200 };
    }
    const body = Buffer.from(JSON.stringify(result.value, null, 2), 'utf8');
    const uploaded =
      uploadAllowed(uploadInfo.uploadUrl, deps.allowLoopbackUploads) &&
      (await put(uploadInfo.uploadUrl, body, deps.logger, turn.correlationId));
    if (!uploaded) {
      await context.sendActivity(say(locale, 'tenantData.exportFailed'));
      return { status: 200 };
    }
    await context.sendActivity({
      type: 'message',
      text: say(locale, 'tenantData.exportDone'),
      attachments: [
        {
          contentType: FILE_INFO,
          contentUrl: uploadInfo.contentUrl,
          name: uploadInfo.name ?? exportFileName(result.value.exportedAt),
          content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? 'json' },
        },
      ],
    });
    return { status: 200 };
  };
}

/** One PUT of the whole file (an upload session takes it in one range when it is small enough). */
async function put(url: string, body: Buffer, logger: Logger, correlationId: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Length': String(body.length),
        'Content-Range': `bytes 0-${body.length - 1}/${body.length}`,
      },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (res.ok) return true;
    logger.warn({ correlationId, status: res.status }, 'export upload refused');
  } catch (err) {
    logger.warn({ correlationId, err }, 'export upload failed');
  }
  return false;
}
