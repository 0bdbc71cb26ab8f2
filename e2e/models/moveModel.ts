/** Document actions › Move to folder… for the open note, and the notice the move leaves. */
import { expect, type Page } from '@playwright/test';

export class MoveModel {
  constructor(private readonly page: Page) {}

  get form() {
    return this.page.getByRole('form', { name: 'Move to folder' });
  }

  get folder() {
    return this.form.getByRole('combobox', { name: 'Folder' });
  }

  /** "2 links in 2 notes will be updated", under the folder box. */
  get updates() {
    return this.form.getByRole('status');
  }

  get notice() {
    return this.page.getByRole('status', { name: 'Notice' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Document actions' }).click();
    await this.page.getByRole('menuitem', { name: 'Move to folder…' }).click();
    await expect(this.folder).toBeFocused();
  }

  /** Types a folder into the box (the preview follows it). */
  async type(folder: string): Promise<void> {
    await this.folder.fill(folder);
  }

  /** Picks a folder from the list under the box. */
  async pick(folder: string): Promise<void> {
    await this.form.getByRole('listbox', { name: 'Folders' }).getByRole('option', { name: folder }).click();
  }

  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(this.form).toHaveCount(0);
  }

  async undo(): Promise<void> {
    await this.notice.getByRole('button', { name: 'Undo' }).click();
  }
}
