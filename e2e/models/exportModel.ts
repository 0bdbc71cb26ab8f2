/** The Export dialog: narrow its documents with the filter, choose what is shown, export to a download. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ExportModel {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  get filter(): Locator {
    return this.dialog.getByRole('searchbox', { name: 'Filter documents' });
  }

  get list(): Locator {
    return this.dialog.getByRole('list', { name: 'Documents to export' });
  }

  /** The titles of the documents listed, with whether each is chosen. */
  async listed(): Promise<string[]> {
    const items = await this.list.getByRole('checkbox').all();
    return Promise.all(
      items.map(async (box) => {
        const label = (await box.evaluate((element) => element.parentElement?.textContent ?? '')).trim();
        return `${(await box.isChecked()) ? '[x]' : '[ ]'} ${label}`;
      }),
    );
  }

  /** Exports in `format` (its radio's label) and gives the downloaded file's path and name. */
  async exportAs(format: string): Promise<{ path: string; name: string }> {
    await this.dialog.getByRole('radio', { name: format }).check();
    const download = this.page.waitForEvent('download', { timeout: 110_000 });
    await this.dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    return { path: await file.path(), name: file.suggestedFilename() };
  }
}
