// Textos em português (Brasil) dos dados da organização: exportação, exclusão, o arquivo da exportação.
import type { Catalog } from './types';
import type { enTenants } from './en-tenants';

export const ptBRTenants = {
  'tenantData.title': 'Dados da organização',
  'tenantData.intro':
    'Tudo o que o app guarda da sua organização: {vouchers} vouchers, {people} pessoas, configurações, lembretes e conversas. Só um Administrador global pode exportar ou excluir esses dados.',
  'tenantData.exportHint':
    'A exportação é um arquivo JSON com todos os documentos e os vouchers em CSV. No seu chat pessoal com o app ela chega como arquivo; Exportar na guia baixa o mesmo arquivo.',
  'tenantData.export': 'Exportar dados',
  'tenantData.delete': 'Excluir todos os dados…',
  'tenantData.confirmBody':
    'Isto exclui {vouchers} vouchers, {people} pessoas e todas as configurações, lembretes e conversas que o app guarda da sua organização. Não pode ser desfeito. Fica apenas um registro de que a exclusão aconteceu (quando e por quem).',
  'tenantData.confirmLabel': 'Confirmação',
  'tenantData.confirmToggle': 'Entendo que os dados não poderão ser recuperados',
  'tenantData.confirmRequired': 'Marque a caixa para confirmar a exclusão.',
  'tenantData.confirmButton': 'Excluir tudo',
  'tenantData.cancel': 'Cancelar',
  'tenantData.deleted':
    'Os dados da organização foram excluídos. Se alguém voltar a falar com o app, ele começa como uma nova organização.',
  'tenantData.exportOffered': 'Aceite o arquivo abaixo para receber a exportação.',
  'tenantData.exportPersonalOnly':
    'O Teams só envia arquivos no seu chat pessoal com o app: peça a exportação lá ou use Exportar na guia.',
  'tenantData.exportDescription':
    'Os dados da sua organização no Planning Services Companion (JSON, vouchers em CSV).',
  'tenantData.exportDone': 'Os dados da sua organização estão no arquivo acima.',
  'tenantData.exportDeclined': 'Exportação cancelada: nenhum arquivo foi enviado.',
  'tenantData.exportFailed': 'Não foi possível enviar a exportação. Tente de novo ou use Exportar na guia.',
  'settings.organizationData': 'Dados da organização',
} satisfies Catalog & Record<keyof typeof enTenants, unknown>;
