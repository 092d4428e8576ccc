// The privacy statement and terms of use the Teams manifest links to (/privacy, /terms), in the three
// languages of the app. Chosen by ?lang= or Accept-Language; plain HTML, no scripts.
import { resolveLocale, type Locale } from '../i18n';

interface LegalPage {
  title: string;
  paragraphs: string[];
}

const PRIVACY: Record<Locale, LegalPage> = {
  en: {
    title: 'Planning Services Companion — privacy statement',
    paragraphs: [
      'Planning Services Companion stores what your team records in it to run Software Assurance Planning Services: people and their roles in the app, eligibility, enrollments, business-profile dates, vouchers with their reservations, completion reports, redemptions and payment requests, and the audit trail of each change.',
      'It also stores what Microsoft Teams gives it to reach you: your Microsoft Entra object id, display name, the conversation where you talk to the bot, your language and your time zone.',
      'Every record belongs to one organisation (your Microsoft Entra tenant) and is never shown to another. Data is kept in the Azure Cosmos DB account of the organisation that deployed the app, in the region it chose.',
      'Nothing is sold or shared with third parties. The app does not act in Partner Center, VLSC or SAVB for you; it only links to them.',
      'To have your data exported or deleted, ask the Global admin of the app in your organisation.',
    ],
  },
  'pt-BR': {
    title: 'Planning Services Companion — declaração de privacidade',
    paragraphs: [
      'O Planning Services Companion armazena o que sua equipe registra nele para conduzir os Software Assurance Planning Services: pessoas e suas funções no aplicativo, elegibilidade, inscrições, datas do perfil comercial, vouchers com suas reservas, relatórios de conclusão, resgates e solicitações de pagamento, e o histórico de auditoria de cada alteração.',
      'Ele também armazena o que o Microsoft Teams fornece para alcançar você: o ID de objeto do Microsoft Entra, o nome de exibição, a conversa em que você fala com o bot, seu idioma e seu fuso horário.',
      'Cada registro pertence a uma organização (seu locatário do Microsoft Entra) e nunca é mostrado a outra. Os dados ficam na conta do Azure Cosmos DB da organização que implantou o aplicativo, na região que ela escolheu.',
      'Nada é vendido ou compartilhado com terceiros. O aplicativo não age no Partner Center, no VLSC nem no SAVB por você; ele apenas leva até eles.',
      'Para exportar ou excluir seus dados, fale com o Administrador global do aplicativo na sua organização.',
    ],
  },
  'es-ES': {
    title: 'Planning Services Companion — declaración de privacidad',
    paragraphs: [
      'Planning Services Companion guarda lo que su equipo registra en él para llevar los Software Assurance Planning Services: personas y sus roles en la aplicación, elegibilidad, inscripciones, fechas del perfil comercial, vales con sus reservas, informes de finalización, canjes y solicitudes de pago, y el historial de auditoría de cada cambio.',
      'También guarda lo que Microsoft Teams le da para llegar a usted: su id. de objeto de Microsoft Entra, su nombre para mostrar, la conversación en la que habla con el bot, su idioma y su zona horaria.',
      'Cada registro pertenece a una organización (su inquilino de Microsoft Entra) y nunca se muestra a otra. Los datos se guardan en la cuenta de Azure Cosmos DB de la organización que implementó la aplicación, en la región que eligió.',
      'Nada se vende ni se comparte con terceros. La aplicación no actúa en Partner Center, VLSC ni SAVB por usted; solo enlaza con ellos.',
      'Para exportar o eliminar sus datos, pida ayuda al Administrador global de la aplicación en su organización.',
    ],
  },
};

const TERMS: Record<Locale, LegalPage> = {
  en: {
    title: 'Planning Services Companion — terms of use',
    paragraphs: [
      'Planning Services Companion helps a Microsoft partner organisation keep track of Software Assurance Planning Services. It guides, checks, records and reminds; it does not replace the program rules, Partner Center, VLSC or SAVB, which remain the authority on eligibility, vouchers and payments.',
      'Deadlines and checks follow the program rules configured by your organisation. Verify dates that matter in Partner Center before you rely on them.',
      'Use the app only for your organisation’s own engagements, and record only information you are allowed to keep.',
      'The app is provided as is by the organisation that deployed it. Questions go to its Global admin.',
    ],
  },
  'pt-BR': {
    title: 'Planning Services Companion — termos de uso',
    paragraphs: [
      'O Planning Services Companion ajuda uma organização parceira da Microsoft a acompanhar os Software Assurance Planning Services. Ele orienta, verifica, registra e lembra; não substitui as regras do programa, o Partner Center, o VLSC nem o SAVB, que continuam sendo a referência para elegibilidade, vouchers e pagamentos.',
      'Prazos e verificações seguem as regras do programa configuradas pela sua organização. Confira no Partner Center as datas importantes antes de contar com elas.',
      'Use o aplicativo apenas para os projetos de planejamento da sua organização e registre apenas informações que você tem permissão para guardar.',
      'O aplicativo é fornecido no estado em que se encontra pela organização que o implantou. Dúvidas vão para o Administrador global dele.',
    ],
  },
  'es-ES': {
    title: 'Planning Services Companion — condiciones de uso',
    paragraphs: [
      'Planning Services Companion ayuda a una organización asociada de Microsoft a seguir los Software Assurance Planning Services. Guía, comprueba, registra y recuerda; no sustituye a las reglas del programa, Partner Center, VLSC ni SAVB, que siguen siendo la referencia sobre elegibilidad, vales y pagos.',
      'Los plazos y comprobaciones siguen las reglas del programa configuradas por su organización. Compruebe en Partner Center las fechas importantes antes de confiar en ellas.',
      'Use la aplicación solo para los proyectos de planificación de su organización y registre solo información que pueda conservar.',
      'La aplicación la proporciona tal cual la organización que la implementó. Las preguntas van a su Administrador global.',
    ],
  },
};

export const LEGAL_PAGES = { privacy: PRIVACY, terms: TERMS } as const;
export type LegalPageName = keyof typeof LEGAL_PAGES;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The first supported language in an Accept-Language header (weights respected), else English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { tag: tag ?? '', q: q ? Number(q[1]) : 1 };
    })
    .filter((r) => r.tag && r.tag !== '*')
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) {
    const locale = resolveLocale(r.tag);
    if (locale !== 'en' || r.tag.toLowerCase().startsWith('en')) return locale;
  }
  return 'en';
}

export function renderLegalPage(name: LegalPageName, locale: Locale): string {
  const page = LEGAL_PAGES[name][locale];
  const body = page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}
@media (prefers-color-scheme: dark){body{background:#1f1f1f;color:#f0f0f0}}</style></head>
<body><h1>${escapeHtml(page.title)}</h1>
${body}
</body></html>`;
}
