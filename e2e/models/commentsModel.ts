/** The Comments side panel of a document, by role and accessible name. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CommentsModel {
  constructor(readonly page: Page) {}

  /** The side panel's tab, named with its open-thread count ("Comments 2"). */
  get tab(): Locator {
    return this.page.getByRole('tab', { name: /^Comments/ });
  }
  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Comments' });
  }
  thread(anchor: string | RegExp): Locator {
    return this.panel.getByRole('article', {
      name: typeof anchor === 'string' ? `Thread on ${anchor}` : anchor,
    });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }

  /**
   * Resolves a thread. Without a name from git (a fresh machine, CI), Resolve first asks who is
   * resolving; the name typed there resolves it.
   */
  async resolve(anchor: string | RegExp, name: string): Promise<void> {
    const thread = this.thread(anchor);
    // A resolved thread folds away, unless it is the one the address links to: that one stays, marked.
    const settled = async () =>
      !(await thread.isVisible()) || (await thread.getByText(/^Resolved by /).isVisible());
    await thread.getByRole('button', { name: 'Resolve' }).click();
    const asked = thread.getByRole('textbox', { name: 'Your name' });
    await expect
      .poll(async () => (await asked.isVisible()) || (await settled()), { timeout: 7000 })
      .toBe(true);
    if (await asked.isVisible()) {
      await asked.fill(name);
      await thread.getByRole('button', { name: 'Resolve' }).click();
    }
    await expect.poll(settled, { timeout: 7000 }).toBe(true);
  }

  /** Types who is writing into the form's name field, asking for it when a name is already shown. */
  async sayWho(scope: Locator, name: string): Promise<void> {
    const field = scope.getByRole('textbox', { name: 'Your name' });
    if (!(await field.isVisible())) await scope.getByRole('button', { name: 'Change' }).click();
    await field.fill(name);
  }

  /** Fills and sends the new-thread form the editor just opened. */
  async startThread(anchor: string, text: string, name?: string): Promise<void> {
    const form = this.panel.getByRole('group', { name: `New comment on ${anchor}` });
    if (name) await this.sayWho(form, name);
    await form.getByRole('textbox', { name: `Comment on ${anchor}` }).fill(text);
    await form.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(form).toBeHidden();
  }

  async reply(anchor: string, text: string, name?: string): Promise<void> {
    const thread = this.thread(anchor);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    if (name) await this.sayWho(thread, name);
    await thread.getByRole('textbox', { name: `Reply to ${anchor}` }).fill(text);
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(thread.getByRole('textbox', { name: `Reply to ${anchor}` })).toBeHidden();
  }
}
