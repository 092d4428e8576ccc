// bot/api/view-model.ts keeps its own copies of domain lists so the tab bundle needs neither zod nor the domain;
// these tests keep the copies equal to the originals.
import assert from 'node:assert/strict';
import { VOUCHER_STATES, type LocaleCode } from '../../bot/api/view-model';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locale';
import { VoucherState } from '../../bot/program';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('tab view model: copies of domain lists', () => {
  it('VOUCHER_STATES is the domain’s VoucherState list, in the same order (the pipeline’s order)', () => {
    assert.deepEqual([...VOUCHER_STATES], [...VoucherState.options]);
  });

  it('LocaleCode is the bot’s Locale', () => {
    const same: Same<LocaleCode, Locale> = true;
    assert.equal(same, true);
    assert.deepEqual([...SUPPORTED_LOCALES].sort(), (['en', 'pt-BR', 'es-ES'] satisfies LocaleCode[]).sort());
  });
});
