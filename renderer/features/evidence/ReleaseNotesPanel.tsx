/** A release's notes for customers or the team: a preview of the sanitised HTML page, Copy (Markdown) and Export. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { ReleaseNotesView } from '../../../shared/contract/evidenceArguments.js';
import type { Release } from '../../../shared/model/roadmapModel.js';
import type { ReleaseAudience } from '../../../shared/releases/releaseNotes.js';
import { useDarkTheme } from '../../ui/useDarkTheme.js';

interface Notes {
  markdown: ReleaseNotesView;
  html: ReleaseNotesView;
}

/** The page as exported, in the app's theme rather than the system's (the palette may differ from it). */
function inTheme(html: string, dark: boolean): string {
  const scheme = `<style>:root { color-scheme: ${dark ? 'dark' : 'light'}; }</style>`;
  return html.replace('</head>', `${scheme}\n</head>`);
}

function download(file: ReleaseNotesView): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ReleaseNotesPanel({
  api,
  release,
  revision,
}: {
  api: SpecbenchApi;
  release: Release;
  revision: number;
}) {
  const [audience, setAudience] = useState<ReleaseAudience>('customers');
  const [notes, setNotes] = useState<Notes | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const dark = useDarkTheme();
  const fingerprint = JSON.stringify(release);
  useEffect(() => {
    let live = true;
    void Promise.all([
      api.releaseNotes({ key: release.key, audience, format: 'md' }),
      api.releaseNotes({ key: release.key, audience, format: 'html' }),
    ]).then(([markdown, html]) => {
      if (!live) return;
      if (markdown.ok && html.ok) setNotes({ markdown, html });
      else setMessage(markdown.ok ? (html.ok ? undefined : html.message) : markdown.message);
    });
    return () => {
      live = false;
    };
  }, [api, release.key, audience, revision, fingerprint]);

  async function copy() {
    if (!notes) return;
    try {
      await navigator.clipboard.writeText(notes.markdown.text);
      setMessage('Copied the notes as Markdown.');
    } catch {
      setMessage('The clipboard is not available here; use Export instead.');
    }
  }

  return (
    <section className="panel release-notes" aria-labelledby="release-notes-title">
      <div className="release-notes__bar">
        <h2 id="release-notes-title" className="panel__title">
          Release notes
        </h2>
        <div className="segmented" role="group" aria-label="Audience">
          {(['customers', 'internal'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={audience === value}
              onClick={() => setAudience(value)}
            >
              {value === 'customers' ? 'Customers' : 'Internal'}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" className="button" disabled={!notes} onClick={() => void copy()}>
          Copy
        </button>
        <button
          type="button"
          className="button"
          disabled={!notes}
          onClick={() => notes && download(notes.markdown)}
        >
          Export Markdown
        </button>
        <button
          type="button"
          className="button"
          disabled={!notes}
          onClick={() => notes && download(notes.html)}
        >
          Export HTML
        </button>
      </div>
      <p role="status" className="feedback-message">
        {message}
      </p>
      {notes && (
        <iframe
          className="release-notes__preview"
          title={`Release notes preview (${audience})`}
          sandbox=""
          srcDoc={inTheme(notes.html.text, dark)}
        />
      )}
    </section>
  );
}
