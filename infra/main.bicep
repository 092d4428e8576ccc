// Planning Services Companion on Azure: App Service (Linux, Node 22), Cosmos DB for NoSQL (serverless, Entra
// auth only), one user-assigned managed identity, and an Azure Bot with the Teams channel.
// Deploy into a resource group: see docs/deploy.md. Every app setting below is a variable of bot/config.ts.
targetScope = 'resourceGroup'

@description('Azure region of the App Service and Cosmos DB account.')
param location string = resourceGroup().location

@description('Web app name, globally unique, lower case. The app is served at https://<webAppName>.azurewebsites.net unless customHostname is set.')
@minLength(2)
@maxLength(60)
param webAppName string

@description('Host name Teams reaches the app at, when a custom domain is bound to the web app. Empty: <webAppName>.azurewebsites.net.')
param customHostname string = ''

@description('App Service plan size. Basic or above: the reminder scanner needs Always On.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'B1'

@description('Cosmos DB account name, globally unique, lower case, 3-44 characters.')
@minLength(3)
@maxLength(44)
param cosmosAccountName string = 'psc-${uniqueString(resourceGroup().id)}'

@description('Cosmos DB database (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'planning-services'

@description('How the bot authenticates to the Bot Framework. UserAssignedMSI: the managed identity, no secret. SingleTenant: an Entra app registration with a client secret. (New multi-tenant bots can no longer be created.)')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: application (client) id of the bot\'s Entra app registration.')
param botAppId string = ''

@description('SingleTenant only: a client secret of that app registration.')
@secure()
param botAppPassword string = ''

@description('Azure Bot resource name (its handle), globally unique.')
param botName string = '${webAppName}-bot'

@description('Azure Bot pricing tier. The Teams channel is a standard channel: F0 is enough.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('ENTRA_CLIENT_ID: application (client) id of the Entra app registration for tab SSO (docs/deploy.md, step 3).')
@minLength(36)
@maxLength(36)
param entraClientId string

@description('ALLOWED_TENANTS: comma-separated tenant ids the bot and the tab serve, or * for every tenant that installs the app. Default: this tenant only.')
param allowedTenants string = tenant().tenantId

@description('DENIED_TENANTS: comma-separated tenant ids refused even with ALLOWED_TENANTS=*.')
param deniedTenants string = ''

@description('TENANT_RETENTION_DAYS: days an inactive tenant\'s data is kept before it is deleted; 0 keeps it.')
param tenantRetentionDays string = '180'

@description('INITIAL_GLOBAL_ADMINS: comma-separated Entra object ids pinned as Global admins. Empty: the first person to ask claims the role.')
param initialGlobalAdmins string = ''

@description('RULES_PROFILE: program rules profile.')
param rulesProfile string = 'program-2020'

@description('DEFAULT_TIME_ZONE: IANA time zone used when Teams gives none.')
param defaultTimeZone string = 'UTC'

@description('BUSINESS_HOURS: local hours in which reminders are sent, such as 9-17.')
param businessHours string = '9-17'

@description('LOG_LEVEL of the app.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

@description('Tags on every resource.')
param tags object = { app: 'planning-services-companion' }

var publicHostname = toLower(empty(customHostname) ? '${webAppName}.azurewebsites.net' : customHostname)

// The same names as bot/store/cosmos.ts CONTAINERS; each is partitioned by /tenantId.
var cosmosContainers = [
  'organizations'
  'people'
  'vouchers'
  'conversations'
  'reminders'
  'tenants'
  'tenant-index'
  'summaries'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${webAppName}'
  location: location
  tags: tags
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: cosmosAccountName
    location: location
    databaseName: cosmosDatabaseName
    containerNames: cosmosContainers
    dataContributorPrincipalId: identity.properties.principalId
    tags: tags
  }
}

// With the managed identity there is no secret at all; a single-tenant app registration needs its client secret.
var msiCredentials = { BOT_APP_ID: identity.properties.clientId }
var secretCredentials = { BOT_APP_ID: botAppId, BOT_APP_PASSWORD: botAppPassword }
var botCredentials = botAppType == 'UserAssignedMSI' ? msiCredentials : secretCredentials

var appSettings = union(botCredentials, {
  APP_ENV: 'production'
  LOG_LEVEL: logLevel
  BOT_APP_TYPE: botAppType
  BOT_TENANT_ID: tenant().tenantId
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_AUTH: 'managedIdentity'
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
  COSMOS_DATABASE: cosmosDatabaseName
  ENTRA_CLIENT_ID: entraClientId
  ENTRA_APP_ID_URI: 'api://${publicHostname}/${entraClientId}'
  ALLOWED_TENANTS: allowedTenants
  DENIED_TENANTS: deniedTenants
  TENANT_RETENTION_DAYS: tenantRetentionDays
  PUBLIC_HOSTNAME: publicHostname
  INITIAL_GLOBAL_ADMINS: initialGlobalAdmins
  RULES_PROFILE: rulesProfile
  DEFAULT_TIME_ZONE: defaultTimeZone
  BUSINESS_HOURS: businessHours
  // The package uploaded by docs/deploy.md is already built: App Service only unpacks it.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
})

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: webAppName
    location: location
    planSku: appServicePlanSku
    identityId: identity.id
    appSettings: appSettings
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: botName
    displayName: 'Planning Services Companion'
    endpoint: 'https://${publicHostname}/api/messages'
    appType: botAppType
    appId: botAppType == 'UserAssignedMSI' ? identity.properties.clientId : botAppId
    tenantId: tenant().tenantId
    identityId: identity.id
    sku: botSku
    tags: tags
  }
}

@description('PUBLIC_HOSTNAME: the host name to package the Teams app for.')
output publicHostname string = publicHostname

@description('The web app\'s own azurewebsites.net host name (equals publicHostname without a custom domain).')
output defaultHostname string = app.outputs.defaultHostname

@description('BOT_APP_ID: the bot\'s Microsoft App ID, for the Teams manifest.')
output botAppId string = botAppType == 'UserAssignedMSI' ? identity.properties.clientId : botAppId

output botTenantId string = tenant().tenantId
output messagingEndpoint string = bot.outputs.endpoint
output cosmosEndpoint string = cosmos.outputs.endpoint
output managedIdentityClientId string = identity.properties.clientId
output webAppName string = webAppName
