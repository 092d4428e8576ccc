// The tab's Brazilian Portuguese words for a voucher's shareable link.
import type { enLink } from './en-link';

export const ptBRLink: Record<keyof typeof enLink, string> = {
  detailLink: 'Link deste voucher',
  copyLink: 'Copiar link',
  linkCopied: 'Link copiado.',
  linkCopyFailed: 'Não foi possível copiar o link: selecione-o e copie.',
};
