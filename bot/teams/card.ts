// A small structural Adaptive Card builder the views use for the cards that cards/ does not build (yet):
// title, a notice banner, facts, text, a form whose errors sit under their fields, Action.Execute buttons
// carrying ids/step/ETag only, links, and `refresh` for per-person views.

export type Card = Record<string, unknown>;

export type Tone = 'good' | 'attention' | 'warning' | 'accent' | 'default';

export interface Field {
  id: string;
  label: string;
  kind: 'text' | 'multiline' | 'date' | 'number' | 'choice' | 'multichoice';
  value?: string;
  choices?: { title: string; value: string }[];
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
  error?: string;
}

export interface Button {
  title: string;
  verb: string;
  data?: Record<string, unknown>;
  /** Only when the form belongs to this button (Action.Execute sends every input otherwise too). */
  style?: 'positive' | 'destructive';
}

export interface CardSpec {
  title: string;
  subtitle?: string;
  notice?: { text: string; tone: Tone; details?: string[] };
  facts?: [string, string][];
  paragraphs?: string[];
  sections?: { title: string; lines: string[] }[];
  fields?: Field[];
  buttons?: Button[];
  links?: { title: string; url: string }[];
  refresh?: { verb: string; data: Record<string, unknown>; userIds: string[] };
}

const textBlock = (text: string, extra: Record<string, unknown> = {}): Card => ({ type: 'TextBlock', text, wrap: true, ...extra });

function input(field: Field): Card[] {
  const common = { id: field.id, label: field.label, isRequired: field.required ?? false, ...(field.error ? { errorMessage: field.error } : {}) };
  let el: Card;
  switch (field.kind) {
    case 'multiline':
    case 'text':
      el = {
        type: 'Input.Text',
        ...common,
        isMultiline: field.kind === 'multiline',
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(field.value !== undefined ? { value: field.value } : {}),
      };
      break;
    case 'date':
      el = { type: 'Input.Date', ...common, ...(field.value ? { value: field.value } : {}) };
      break;
    case 'number':
      el = { type: 'Input.Number', ...common, ...(field.value !== undefined && field.value !== '' ? { value: Number(field.value) || field.value } : {}) };
      break;
    case 'choice':
    case 'multichoice':
      el = {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        isMultiSelect: field.kind === 'multichoice',
        choices: field.choices ?? [],
        ...(field.value !== undefined ? { value: field.value } : {}),
      };
      break;
  }
  // Teams shows errorMessage only after client-side validation; the server's error is also shown as text.
  return field.error ? [el, textBlock(field.error, { color: 'attention', size: 'small', spacing: 'none' })] : [el];
}

export function buildCard(spec: CardSpec): Card {
  const body: Card[] = [textBlock(spec.title, { size: 'large', weight: 'bolder', style: 'heading' })];
  if (spec.subtitle) body.push(textBlock(spec.subtitle, { isSubtle: true, spacing: 'none' }));
  if (spec.notice) {
    const items = [textBlock(spec.notice.text, { weight: 'bolder', color: spec.notice.tone === 'default' ? 'default' : spec.notice.tone })];
    for (const d of spec.notice.details ?? []) items.push(textBlock(`• ${d}`, { spacing: 'small' }));
    body.push({ type: 'Container', style: spec.notice.tone === 'good' ? 'good' : spec.notice.tone === 'default' ? 'emphasis' : 'warning', items });
  }
  for (const p of spec.paragraphs ?? []) body.push(textBlock(p));
  if (spec.facts && spec.facts.length > 0) {
    body.push({ type: 'FactSet', facts: spec.facts.map(([title, value]) => ({ title, value })) });
  }
  for (const s of spec.sections ?? []) {
    body.push(textBlock(s.title, { weight: 'bolder', spacing: 'medium' }));
    for (const line of s.lines) body.push(textBlock(line, { spacing: 'small' }));
  }
  for (const f of spec.fields ?? []) body.push(...input(f));
  const actions: Card[] = [
    ...(spec.buttons ?? []).map((b) => ({
      type: 'Action.Execute',
      title: b.title,
      verb: b.verb,
      data: b.data ?? {},
      ...(b.style ? { style: b.style } : {}),
    })),
    ...(spec.links ?? []).map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url })),
  ];
  const card: Card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
  if (spec.refresh && spec.refresh.userIds.length > 0) {
    card.refresh = {
      action: { type: 'Action.Execute', verb: spec.refresh.verb, data: spec.refresh.data },
      // Teams refreshes automatically for at most 60 listed people.
      userIds: spec.refresh.userIds.slice(0, 60),
    };
  }
  return card;
}
