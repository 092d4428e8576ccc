// Parameters for main.bicep, read from the shell so docs/deploy.md can run it as is:
//   az deployment group create -g "$RESOURCE_GROUP" -f infra/main.bicep -p infra/main.bicepparam
using './main.bicep'

param webAppName = readEnvironmentVariable('WEB_APP_NAME')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID')
param customHostname = readEnvironmentVariable('CUSTOM_HOSTNAME', '')
param botAppType = readEnvironmentVariable('BOT_APP_TYPE', 'UserAssignedMSI')
// Read only with BOT_APP_TYPE=SingleTenant.
param botAppId = readEnvironmentVariable('BOT_APP_ID', '')
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
param initialGlobalAdmins = readEnvironmentVariable('INITIAL_GLOBAL_ADMINS', '')
// Many organisations: ALLOWED_TENANTS=* (docs/deploy.md); unset or empty = the bot's own tenant only.
param allowedTenants = readEnvironmentVariable('ALLOWED_TENANTS', '')
param deniedTenants = readEnvironmentVariable('DENIED_TENANTS', '')
param tenantRetentionDays = readEnvironmentVariable('TENANT_RETENTION_DAYS', '180')
param defaultTimeZone = readEnvironmentVariable('DEFAULT_TIME_ZONE', 'UTC')
