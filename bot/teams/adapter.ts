// The Bot Framework adapter, configured from the app's typed config. Anonymous mode (no app id) is for local
// use only; config refuses it in production.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Config } from '../config';

export function createAdapter(bot: Config['bot']): CloudAdapter {
  const settings = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.anonymous ? 'MultiTenant' : bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  return new CloudAdapter(auth);
}
