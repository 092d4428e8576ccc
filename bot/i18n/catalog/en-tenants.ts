// English texts of the organisation's data: export, deletion, the file the export arrives in.
import type { Catalog } from './types';

export const enTenants = {
  'tenantData.title': "Organization's data",
  'tenantData.intro':
    'Everything the app holds for your organization: {vouchers} vouchers, {people} people, settings, reminders and conversations. Only a Global admin can export or delete it.',
  'tenantData.exportHint':
    'The export is one JSON file with every document and the vouchers as CSV. In your personal chat with the app it arrives as a file; Export in the tab downloads the same file.',
  'tenantData.export': 'Export data',
  'tenantData.delete': 'Delete all data…',
  'tenantData.confirmBody':
    'This deletes {vouchers} vouchers, {people} people and every setting, reminder and conversation the app holds for your organization. It cannot be undone. A record that the deletion happened (when and by whom) is kept, nothing else.',
  'tenantData.confirmLabel': 'Confirmation',
  'tenantData.confirmToggle': 'I understand that the data cannot be recovered',
  'tenantData.confirmRequired': 'Tick the box to confirm the deletion.',
  'tenantData.confirmButton': 'Delete everything',
  'tenantData.cancel': 'Cancel',
  'tenantData.deleted':
    "The organization's data was deleted. If anyone talks to the app again, it starts as a new organization.",
  'tenantData.exportOffered': 'Accept the file below to receive the export.',
  'tenantData.exportPersonalOnly':
    'Teams sends files only in your personal chat with the app: ask for the export there, or use Export in the tab.',
  'tenantData.exportDescription':
    "Your organization's data in Planning Services Companion (JSON, vouchers as CSV).",
  'tenantData.exportDone': "Your organization's data is in the file above.",
  'tenantData.exportDeclined': 'Export cancelled: no file was sent.',
  'tenantData.exportFailed': 'The export could not be uploaded. Try again, or use Export in the tab.',
  'settings.organizationData': "Organization's data",
} satisfies Catalog;
