/** The app as a test sees it: regions and controls by role and accessible name only. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppModel {
  constructor(readonly page: Page) {}

  get navigator(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigator' });
  }
  /** A navigator section ("Specs", "Roadmap"): its name is its label and its count. */
  section(name: string): Locator {
    return this.navigator.getByRole('link', { name: new RegExp(`^${name}\\s*\\d*$`) });
  }
  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Document' });
  }
  get title(): Locator {
    return this.page.getByRole('textbox', { name: 'Title' });
  }
  get saveState(): Locator {
    return this.page.getByRole('status', { name: 'Save state' });
  }
  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' });
  }
  get links(): Locator {
    return this.page.getByRole('region', { name: 'Links' });
  }
  get conflictBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'changed on disk' });
  }

  async goto(hash: string): Promise<void> {
    await this.page.evaluate((next) => {
      window.location.hash = next;
    }, hash);
  }

  async openDocument(path: string): Promise<void> {
    await this.goto(`#/doc/${path.split('/').map(encodeURIComponent).join('/')}`);
    await expect(this.editor).toBeVisible();
    await expect(this.saveState).toHaveText('Saved');
  }

  /** The file open in the editor, as its header names it (the address bar shows its key where it has one). */
  get documentPath(): Locator {
    return this.page.locator('.document-header .path');
  }

  /** The editor shows `path`, and the address bar the link that lasts: its key (`#/FAQ-1`), else its path. */
  async expectDocument(path: string, address: string): Promise<void> {
    await expect(this.documentPath).toHaveText(path);
    await expect(this.page).toHaveURL((url) => url.hash === address);
  }

  /** Clicks a New button, waits for the editor, and types the title over the placeholder. */
  async createDocument(button: 'New spec' | 'New story' | 'New FAQ', title: string): Promise<string> {
    await this.page.getByRole('button', { name: button }).click();
    await expect(this.title).toBeFocused();
    await this.title.fill(title);
    await this.waitSaved();
    return (await this.documentPath.textContent()) ?? '';
  }

  /** Opens a "+ add" key picker by its accessible name, filters to `key` and picks it. */
  async pickKey(label: string, key: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
    const combobox = this.page.getByRole('combobox', { name: label });
    await combobox.fill(key);
    await expect(this.page.getByRole('option', { name: new RegExp(`^${key}\\b`) }).first()).toBeVisible();
    await combobox.press('Enter');
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved', { timeout: 10_000 });
  }

  /** Selects `text` in the editor, as dragging the mouse over it would. */
  async selectText(text: string): Promise<void> {
    await this.editor.locator('p', { hasText: text }).first().click();
    await this.editor.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the editor`);
    }, text);
    await expect.poll(() => this.page.evaluate(() => window.getSelection()?.toString())).toBe(text);
  }

  /** Puts the cursor at the end of the paragraph holding `text`. */
  async clickEndOf(text: string): Promise<void> {
    const paragraph = this.editor.locator('p', { hasText: text }).first();
    await paragraph.click();
    // End stops at the end of the visual line: a paragraph that wraps (or reflows while the page
    // settles) and is clicked on its first line would take the next keys mid-sentence. The caret goes
    // after the paragraph's last character instead, as a click past its end would put it.
    await paragraph.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      range.collapse(false);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await expect
      .poll(() =>
        paragraph.evaluate((element) => {
          const selection = window.getSelection();
          if (!selection?.focusNode || !element.contains(selection.focusNode)) return false;
          const after = document.createRange();
          after.setStart(selection.focusNode, selection.focusOffset);
          after.setEndAfter(element.lastChild ?? element);
          return after.toString() === '';
        }),
      )
      .toBe(true);
  }

  /** Pastes HTML into the editor the way the browser does (text/html beside a plain-text fallback). */
  async pasteHtml(html: string): Promise<void> {
    await this.editor.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/html', pasted);
      data.setData('text/plain', 'fallback');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, html);
  }

  /** Pastes plain text into the editor, as text editors and terminals put it on the clipboard (no HTML). */
  async pasteText(text: string): Promise<void> {
    await this.editor.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** Pastes an image file into the editor the way the browser does (a File on the clipboard). */
  async pasteImage(bytes: Buffer, name: string): Promise<void> {
    await this.editor.evaluate(
      (element, [base64, fileName]) => {
        const data = new DataTransfer();
        const content = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        data.items.add(new File([content], fileName, { type: 'image/png' }));
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      [bytes.toString('base64'), name] as const,
    );
  }
}
