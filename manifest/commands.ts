// The bot's command menu, in the three languages of the app. This list is the single source of the command
// titles: the packaging step writes it into the Teams manifest and its localization files, and the bot checks
// against it that it understands every title a user can pick from the menu (Teams sends the localized title
// as the message text, not the English one).

/** The languages the manifest is translated into; `en` is the manifest's default language. */
export const MANIFEST_LANGUAGES = ['en', 'pt-BR', 'es-ES'] as const;
export type ManifestLanguage = (typeof MANIFEST_LANGUAGES)[number];

export type Localized = Readonly<Record<ManifestLanguage, string>>;

export type BotCommandId =
  | 'help'
  | 'status'
  | 'next'
  | 'reserve'
  | 'report'
  | 'redeem'
  | 'payment'
  | 'reminders'
  | 'settings'
  | 'language';

export interface BotCommand {
  readonly id: BotCommandId;
  /** What the user picks or types. Teams limits a localized title to 32 characters. */
  readonly title: Localized;
  /** Shown under the title in the menu. Teams limits a localized description to 128 characters. */
  readonly description: Localized;
}

/**
 * In menu order. The same list is offered in personal chat, in team channels and in group chats.
 * Terms follow the product glossary (PRODUCT.md §6): vale, canjear, resgatar, relatório de conclusão, …
 */
export const BOT_COMMANDS: readonly BotCommand[] = [
  {
    id: 'help',
    title: { en: 'help', 'pt-BR': 'ajuda', 'es-ES': 'ayuda' },
    description: {
      en: 'What I can do for your Planning Services work and how to start',
      'pt-BR': 'O que posso fazer pelo seu trabalho com Planning Services e como começar',
      'es-ES': 'Qué puedo hacer por su trabajo con Planning Services y cómo empezar',
    },
  },
  {
    id: 'status',
    title: { en: 'status', 'pt-BR': 'status', 'es-ES': 'estado' },
    description: {
      en: 'Eligibility, enrollment, vouchers and payments of your organization at a glance',
      'pt-BR': 'Elegibilidade, inscrição, vouchers e pagamentos da sua organização em resumo',
      'es-ES': 'Elegibilidad, inscripción, vales y pagos de su organización de un vistazo',
    },
  },
  {
    id: 'next',
    title: { en: "what's next", 'pt-BR': 'próximo passo', 'es-ES': 'siguiente paso' },
    description: {
      en: 'The next concrete action for your organization and each voucher',
      'pt-BR': 'A próxima ação concreta para a sua organização e cada voucher',
      'es-ES': 'La siguiente acción concreta para su organización y cada vale',
    },
  },
  {
    id: 'reserve',
    title: { en: 'reserve', 'pt-BR': 'reservar', 'es-ES': 'reservar' },
    description: {
      en: "Record a voucher from the customer's email and reserve it for an engagement",
      'pt-BR': 'Registrar um voucher do e-mail do cliente e reservá-lo para um projeto de planejamento',
      'es-ES': 'Registrar un vale del correo del cliente y reservarlo para un proyecto de planificación',
    },
  },
  {
    id: 'report',
    title: { en: 'report', 'pt-BR': 'relatório', 'es-ES': 'informe' },
    description: {
      en: 'Submit the completion report of a delivered engagement',
      'pt-BR': 'Enviar o relatório de conclusão de um projeto de planejamento entregue',
      'es-ES': 'Enviar el informe de finalización de un proyecto de planificación entregado',
    },
  },
  {
    id: 'redeem',
    title: { en: 'redeem', 'pt-BR': 'resgatar', 'es-ES': 'canjear' },
    description: {
      en: 'Record that a voucher was redeemed in Partner Center',
      'pt-BR': 'Registrar que um voucher foi resgatado no Partner Center',
      'es-ES': 'Registrar que un vale se canjeó en el Centro de partners',
    },
  },
  {
    id: 'payment',
    title: { en: 'payment', 'pt-BR': 'pagamento', 'es-ES': 'pago' },
    description: {
      en: 'Record a payment request made in SAVB and follow it until it is paid',
      'pt-BR': 'Registrar uma solicitação de pagamento feita no SAVB e acompanhá-la até o pagamento',
      'es-ES': 'Registrar una solicitud de pago hecha en SAVB y seguirla hasta el cobro',
    },
  },
  {
    id: 'reminders',
    title: { en: 'reminders', 'pt-BR': 'lembretes', 'es-ES': 'recordatorios' },
    description: {
      en: 'Upcoming deadlines and the reminders I will send about them',
      'pt-BR': 'Próximos prazos e os lembretes que vou enviar sobre eles',
      'es-ES': 'Próximos plazos y los recordatorios que enviaré sobre ellos',
    },
  },
  {
    id: 'settings',
    title: { en: 'settings', 'pt-BR': 'configurações', 'es-ES': 'configuración' },
    description: {
      en: "Roles, program channel and your organization's settings",
      'pt-BR': 'Funções, canal do programa e configurações da sua organização',
      'es-ES': 'Roles, canal del programa y configuración de su organización',
    },
  },
  {
    id: 'language',
    title: { en: 'language', 'pt-BR': 'idioma', 'es-ES': 'idioma' },
    description: {
      en: 'Choose the language I use with you: English, Português or Español',
      'pt-BR': 'Escolher o idioma que uso com você: English, Português ou Español',
      'es-ES': 'Elegir el idioma que uso con usted: English, Português o Español',
    },
  },
];

/** The Teams scopes that get a command list, one list each, in this order. */
export const COMMAND_SCOPES = ['personal', 'team', 'groupChat'] as const;
