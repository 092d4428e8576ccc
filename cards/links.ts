// Every place outside Teams where a user must act (there is no public API for these vouchers), in one module
// so a link changes in one place.
export const LINKS = {
  partnerCenter: 'https://partner.microsoft.com/dashboard/home',
  /** Programs → Planning Services: validate, reserve, cancel and redeem vouchers. */
  partnerCenterVouchers: 'https://partner.microsoft.com/dashboard/incentives/planningservices/vouchers',
  /** Program enrollment and agreement acceptance for the Planning Services offerings. */
  partnerCenterEnrollment: 'https://partner.microsoft.com/dashboard/incentives/planningservices/enrollment',
  /** The marketing business profile (step 3). */
  partnerCenterProfile: 'https://partner.microsoft.com/dashboard/mpn/profile',
  /** Planning Services compliance training (step 1). */
  training: 'https://partner.microsoft.com/dashboard/incentives/planningservices/training',
  /** Volume Licensing Service Center: where the customer creates and assigns vouchers. */
  vlsc: 'https://www.microsoft.com/Licensing/servicecenter',
  /** The SAVB online payment tool: one-time registration and payment requests (step 8). */
  savb: 'https://www.savbportal.com',
} as const;

export type LinkId = keyof typeof LINKS;

/** Where a voucher's shareable link points: the app's own host, which unfurls it in Teams and redirects a
 *  browser to the Status tab (`GET /v/:id`). */
export function voucherLink(publicHostname: string, voucherId: string): string {
  return `https://${publicHostname}/v/${encodeURIComponent(voucherId)}`;
}

/** Teams deep link to the personal Status tab (manifest entityId `status`) opened on one voucher. */
export function statusTabDeepLink(teamsAppId: string, voucherId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: voucherId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/status?context=${context}`;
}
