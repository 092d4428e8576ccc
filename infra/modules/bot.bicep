// Azure Bot registration (global) pointing at the app's /api/messages, with the Microsoft Teams channel.
param name string
param displayName string
param endpoint string
@allowed(['UserAssignedMSI', 'SingleTenant'])
param appType string
@description('UserAssignedMSI: the managed identity\'s client id. SingleTenant: the app registration\'s client id.')
param appId string
param tenantId string
@description('Resource id of the user-assigned managed identity (used with UserAssignedMSI only).')
param identityId string
param sku string
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output endpoint string = bot.properties.endpoint
