// The tab's English words for acting on a voucher (dialogs) and for the team tab's configuration pages.
export const enActions = {
  detailNext: 'Next step',
  detailActions: 'What you can do now',
  action_reserve: 'Reserve',
  action_cancelReservation: 'Cancel reservation',
  action_markDelivered: 'Mark delivered',
  action_submitReport: 'Completion report',
  action_redeem: 'Redeem',
  action_requestPayment: 'Payment request',
  action_recordOutcome: 'Payment outcome',
  action_setExpiry: 'Correct the expiry',
  actionDialogLabel: '{action} · voucher {voucher}',
  actionFailed: 'The action could not be sent. Check your connection and try again.',
  actionDone: 'Saved. Voucher {voucher} is up to date.',
  configHeading: 'Planning Services for this team',
  configBody:
    'This tab shows your organization’s Planning Services status to everyone in the channel: setup, vouchers, deadlines and payments. Each person sees it with their own Teams sign-in. Select Save to add it.',
  configTabName: 'Planning Services',
  removeHeading: 'Remove this tab?',
  removeBody:
    'Removing the tab only takes it off this channel. Your vouchers and your organization’s data stay in the app and in the chat with the bot.',
};
