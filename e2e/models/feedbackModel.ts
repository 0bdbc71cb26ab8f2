/** The Feedback view as a test sees it: the notes, the filters, triage keys and the CSV import. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppModel } from './appModel.js';

export class FeedbackModel {
  readonly page: Page;
  constructor(readonly app: AppModel) {
    this.page = app.page;
  }

  async open(): Promise<void> {
    await this.app.goto('#/feedback');
    await expect(this.page.getByRole('heading', { name: 'Feedback', level: 1 })).toBeVisible();
  }
  get notes(): Locator {
    return this.page.getByRole('list', { name: 'Feedback notes' }).getByRole('listitem');
  }
  note(key: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^${key} `) });
  }
  get scope(): Locator {
    return this.page.getByRole('group', { name: 'Show' });
  }
  filter(name: 'Source' | 'Segment' | 'Customer'): Locator {
    return this.page.getByRole('group', { name: 'Filter feedback' }).getByLabel(name);
  }
  get status(): Locator {
    return this.page.locator('.feedback-message');
  }

  /** Focuses a note and links it with L, the combobox and Enter. */
  async linkWithKeyboard(note: string, key: string): Promise<void> {
    await this.note(note).focus();
    await this.page.keyboard.press('l');
    const picker = this.page.getByRole('combobox', { name: /^Link/ });
    await expect(picker).toBeFocused();
    await picker.fill(key);
    await expect(
      this.page.getByRole('listbox', { name: 'Roadmap items and requirements' }).getByRole('option').first(),
    ).toHaveAccessibleName(new RegExp(`^${key} `));
    await picker.press('Enter');
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Import feedback/ });
  }

  /** Opens Import CSV… and chooses a file with these bytes. */
  async chooseCsv(name: string, bytes: Buffer): Promise<void> {
    await this.page.getByRole('button', { name: 'Import CSV…' }).click();
    await this.importDialog
      .getByLabel('CSV file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  }

  /** Drops a file on the view, as the desktop does when a CSV is dragged from a folder. */
  async dropCsv(name: string, text: string): Promise<void> {
    await this.page.locator('.feedback-view').evaluate(
      (view, [fileName, content]) => {
        const data = new DataTransfer();
        data.items.add(new File([content!], fileName!, { type: 'text/csv' }));
        view.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        view.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [name, text],
    );
  }

  /** Pastes CSV text on the view (outside any text field), as Ctrl+V does. */
  async pasteCsv(text: string): Promise<void> {
    await this.page.locator('.feedback-view').evaluate((view, content) => {
      const data = new DataTransfer();
      data.setData('text/plain', content);
      view.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }
}
