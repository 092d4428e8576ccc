// The tab's English words for a voucher's shareable link (issue #11).
export const enLink = {
  detailLink: 'Link to this voucher',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  linkCopyFailed: 'The link could not be copied: select it and copy it yourself.',
};
