// The voucher pipeline: one bar per state (count, average days in state); a bar lists that state's vouchers.
import type { PipelineStageView, VoucherStateCode } from '../../../bot/api/view-model';
import { h } from '../dom';
import type { Translator } from '../i18n';
import { cardSection } from './card-section';

function pipelineBar(
  tr: Translator,
  stage: PipelineStageView,
  max: number,
  onPick: (state: VoucherStateCode) => void,
): HTMLElement {
  const { t } = tr;
  const name = tr.state(stage.state);
  const fill = h('span', { class: `fill state-${stage.state}` });
  // CSSOM width (allowed by the page's CSP, unlike style attributes).
  fill.style.width = `${(stage.count / max) * 100}%`;
  const detail = t('pipelineRow', {
    count: stage.count,
    avg: stage.avgDaysInState,
    max: stage.maxDaysInState,
  });
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'bar-row',
        'data-state': stage.state,
        'aria-label': `${name}: ${detail}. ${t('pipelineFilter', { state: name })}`,
        disabled: stage.count === 0,
        onclick: () => onPick(stage.state),
      },
      h('span', { class: 'bar-label' }, name),
      h('span', { class: 'track', 'aria-hidden': 'true' }, fill),
      h(
        'span',
        { class: 'bar-value' },
        h('strong', {}, tr.number(stage.count)),
        ' ',
        h('span', { class: 'muted small' }, t('daysCount', { count: stage.avgDaysInState })),
      ),
    ),
  );
}

export function renderPipeline(
  tr: Translator,
  stages: PipelineStageView[],
  voucherCount: number,
  onPick: (state: VoucherStateCode) => void,
): HTMLElement {
  const { t } = tr;
  if (voucherCount === 0)
    return cardSection('pipeline', t('pipelineHeading'), h('p', { class: 'empty' }, t('pipelineEmpty')));
  const max = Math.max(1, ...stages.map((s) => s.count));
  return cardSection(
    'pipeline',
    t('pipelineHeading'),
    h('p', { class: 'muted small legend' }, t('pipelineLegend')),
    h(
      'ul',
      { class: 'bars' },
      stages.map((s) => pipelineBar(tr, s, max, onPick)),
    ),
  );
}
