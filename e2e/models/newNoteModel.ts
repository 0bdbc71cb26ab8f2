/** "New note" from the sidebar and from the command palette, and the file it opens. */
import { expect, type Page } from '@playwright/test';

export class NewNoteModel {
  constructor(private readonly page: Page) {}

  get form() {
    return this.page.getByRole('form', { name: 'New note' });
  }

  /** Opens the sidebar's form and leaves it open (for a screenshot). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New note' }).click();
    await expect(this.form.getByRole('textbox')).toBeFocused();
  }

  async fromSidebar(title: string): Promise<void> {
    await this.open();
    await this.form.getByRole('textbox').fill(title);
    await this.form.getByRole('button', { name: 'Create' }).click();
  }

  async fromPalette(title: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await this.page.keyboard.type('New note');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(title);
    await this.page.keyboard.press('Enter');
  }
}
