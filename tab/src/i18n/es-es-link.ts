// The tab's Spanish words for a voucher's shareable link.
import type { enLink } from './en-link';

export const esESLink: Record<keyof typeof enLink, string> = {
  detailLink: 'Enlace a este vale',
  copyLink: 'Copiar enlace',
  linkCopied: 'Enlace copiado.',
  linkCopyFailed: 'No se ha podido copiar el enlace: selecciónalo y cópialo.',
};
