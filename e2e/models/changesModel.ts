/** The Changes panel and its conflict resolver, by role and accessible name. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ChangesModel {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Changes', level: 1 });
  }
  get sync(): Locator {
    return this.page.getByRole('group', { name: 'Sync', exact: true });
  }
  get files(): Locator {
    return this.page.getByRole('list', { name: 'Changed files' });
  }
  get lastAction(): Locator {
    return this.page.getByRole('status', { name: 'Last action' });
  }
  get conflicts(): Locator {
    return this.page.getByRole('list', { name: 'Conflicted files' });
  }
  /** The message a stopped merge is committed with when it is finished. */
  get mergeMessage(): Locator {
    return this.page.getByRole('textbox', { name: 'Merge commit message' });
  }
  /** The navigator's Changes entry with its count. */
  get navigatorLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigator' }).getByRole('link', { name: /^Changes/ });
  }

  async open(): Promise<void> {
    await this.navigatorLink.click();
    await expect(this.heading).toBeVisible();
  }

  async setIdentity(name: string, email: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Your name for commits' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
  }

  async commit(message: string, files: number): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'What did you change?' });
    // An Arabic or Hebrew message reads from the right as it is typed.
    await expect(box).toHaveAttribute('dir', 'auto');
    await box.fill(message);
    await this.page
      .getByRole('button', { name: `Commit ${files} ${files === 1 ? 'file' : 'files'}` })
      .click();
    await expect(this.lastAction).toHaveText(`Committed ${files} ${files === 1 ? 'file' : 'files'}.`);
  }

  async pull(): Promise<void> {
    await this.sync.getByRole('button', { name: 'Pull' }).click();
  }
  async push(): Promise<void> {
    await this.sync.getByRole('button', { name: 'Push' }).click();
  }

  /** The resolver region of one conflicted file. */
  resolver(path: string): Locator {
    return this.page.getByRole('region', { name: `Resolve ${path}` });
  }

  /**
   * The resolver once it has read the file: git shows three stages, merges them again and asks the
   * remote branches which side is shared, about a dozen processes that took 3–8 s at load 13–17.
   */
  async readResolver(path: string): Promise<Locator> {
    const resolver = this.resolver(path);
    await expect(resolver).toBeVisible({ timeout: 30_000 });
    return resolver;
  }
}
