// The Bot Framework adapter, configured from the app's typed config. Anonymous mode (no app id) is for local
// use only; config refuses it in production. CompanionAdapter splits authentication from the turn, so the
// endpoint can bound the signing-key fetch in time and map its failures (teams/auth-failure.ts).
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';

export type AdapterSettings = Pick<
  Config['bot'],
  'appId' | 'appPassword' | 'appType' | 'tenantId' | 'anonymous'
> & { openIdMetadataUrl?: string };

/** What authentication yields (botframework-connector's type, which botbuilder does not re-export). */
export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export class CompanionAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Checks the request's token (in production, against the Bot Framework's signing keys). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an activity whose request is already authenticated. */
  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createAdapter(bot: AdapterSettings): CompanionAdapter {
  const settings = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.anonymous ? 'MultiTenant' : bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.openIdMetadataUrl ? publicCloudWithMetadata(bot.openIdMetadataUrl) : {}),
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  return new CompanionAdapter(auth);
}

/**
 * The public cloud's settings with another OpenID metadata URL (tests point it at a local port). Setting any one
 * of these makes the SDK take all of them as given, so the rest are the SDK's public-cloud defaults.
 */
function publicCloudWithMetadata(url: string): Record<string, string> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: url,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
}
