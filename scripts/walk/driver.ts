// Drives the Agents Playground's chat the way a person would: types, pastes, chooses, presses buttons, and keeps
// a screenshot and the card text of every step.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const CARD = '.ac-adaptiveCard';
const WAIT_MS = 60_000;

export class Driver {
  readonly lines: string[] = [];
  /** The card the last answer arrived in or replaced. */
  card: Locator;

  constructor(
    readonly page: Page,
    private readonly dir: string,
    /** The "Saved." notice every pressed button should bring, in the walk's language. */
    private readonly saved?: string,
  ) {
    mkdirSync(dir, { recursive: true });
    page.setDefaultTimeout(10_000);
    this.card = page.locator(CARD).last();
  }

  cards(): Locator {
    return this.page.locator(CARD);
  }

  async firstCard(): Promise<void> {
    await this.cards().first().waitFor({ timeout: WAIT_MS });
    this.card = this.cards().first();
  }

  /** Types (or pastes, via insertText, which keeps line breaks as the Playground allows) and sends a message. */
  async send(text: string, paste = false): Promise<void> {
    this.log(`> ${text.replace(/\n/g, ' ⏎ ')}`);
    const before = await this.cards().count();
    // A list left open by a failed step would swallow the typing.
    await this.page.keyboard.press('Escape');
    await this.page.locator('[data-lexical-editor="true"][role="textbox"]').click();
    if (paste) await this.page.keyboard.insertText(text);
    else await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, {
      timeout: WAIT_MS,
    });
    await this.settle();
    this.card = this.cards().last();
    await this.logCard();
  }

  /** Presses a button of the current card that the app answers (Action.Execute): waits for the answer, which
   *  must be "Saved." unless the button only shows another card. */
  async act(name: string, expectSaved = true): Promise<void> {
    this.log(`[press] ${name}`);
    const before = await this.texts();
    await this.button(name).click();
    await this.page.waitForFunction(
      ([sel, old]) => {
        const now = [...document.querySelectorAll(sel)].map((c) => (c as HTMLElement).innerText);
        return now.length !== old.length || now.some((text, i) => text !== old[i]);
      },
      [CARD, before] as const,
      { timeout: WAIT_MS },
    );
    await this.settle();
    // A new card below, or the card replaced in place: the first one whose text changed.
    const after = await this.texts();
    const changed =
      after.length > before.length ? after.length - 1 : after.findIndex((x, i) => x !== before[i]);
    this.card = this.cards().nth(Math.max(changed, 0));
    await this.logCard();
    const answer = after[Math.max(changed, 0)] ?? '';
    if (expectSaved && this.saved && !answer.startsWith(this.saved))
      throw new Error(`"${name}" was not saved: ${answer.split('\n').slice(0, 2).join(' / ')}`);
  }

  /** Presses a button that opens part of the card (Action.ShowCard / ToggleVisibility): nothing to wait for. */
  async open(name: string): Promise<void> {
    this.log(`[open] ${name}`);
    await this.button(name).click();
    await this.page.waitForTimeout(300);
  }

  button(name: string): Locator {
    return this.card.getByRole('button', { name, exact: true }).last();
  }

  /** Fills a text, number or date input by its label. */
  async fill(label: string, value: string): Promise<void> {
    this.log(`[fill] ${label} = ${value}`);
    const input = this.card.getByLabel(label, { exact: false }).last();
    await input.fill(value);
  }

  /** Chooses in a Fluent combobox: the option whose name matches, or the first one. */
  async choose(label: string | RegExp, option?: string | RegExp): Promise<void> {
    const box = this.card.getByRole('combobox', { name: label }).last();
    await box.click();
    // Single choices are options; the multi-select list's entries are checkboxes with a text beside them.
    const options = this.page.locator('[role="option"], [role="menuitemcheckbox"]');
    const pick =
      option === undefined
        ? options.first()
        : options
            .filter({ hasText: option })
            .or(this.page.locator('[role="listbox"]').getByText(option))
            .first();
    await pick.waitFor();
    this.log(`[choose] ${String(label)} = ${(await pick.innerText()).trim()}`);
    await pick.click();
    // Multi-select lists stay open.
    if ((await this.page.getByRole('listbox').count()) > 0) await this.page.keyboard.press('Escape');
  }

  /** Chooses a radio button (an expanded choice set). */
  async radio(name: string): Promise<void> {
    this.log(`[radio] ${name}`);
    await this.card.getByRole('radio', { name, exact: true }).last().check();
  }

  async shot(file: string): Promise<void> {
    const target = path.join(this.dir, `${file}.png`);
    // The whole card, however long (the viewport cuts long cards); the page if there is no card.
    await this.card.screenshot({ path: target }).catch(() => this.page.screenshot({ path: target }));
    this.log(`[screenshot] ${target}`);
  }

  log(line: string): void {
    this.lines.push(line);
  }

  async logCard(): Promise<void> {
    const text = await this.card.innerText().catch(() => '(no card)');
    this.log(text.replace(/\n+/g, '\n    ').replace(/^/, '  | '));
  }

  writeTranscript(): void {
    writeFileSync(path.join(this.dir, 'transcript.txt'), this.lines.join('\n') + '\n');
  }

  private texts(): Promise<string[]> {
    return this.page.evaluate(
      (sel) => [...document.querySelectorAll(sel)].map((c) => (c as HTMLElement).innerText),
      CARD,
    );
  }

  /** Lets the Playground finish rendering (cards arrive, then their images and fonts). */
  private async settle(): Promise<void> {
    await this.page.waitForTimeout(700);
  }
}
