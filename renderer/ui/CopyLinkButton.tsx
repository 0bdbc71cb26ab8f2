/** "Copy link": puts the address of a key link (`…#/STORY-4`) on the clipboard and says so for a moment. */
import { useEffect, useState } from 'react';

interface CopyLinkButtonProps {
  /** The in-app hash to share, e.g. `#/SPEC-1#REQ-4`. */
  hash: string;
  /** What is linked, for the accessible name: "Copy link to REQ-4". */
  subject: string;
  className?: string;
}

/** The page's own address with `hash` in place of the current one. */
export function shareableUrl(hash: string, location: Pick<Location, 'href'> = window.location): string {
  return location.href.split('#')[0] + hash;
}

/** Puts `text` on the clipboard; false when neither the clipboard API nor the selection copy worked. */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page served over plain http to another machine): the selection-based copy.
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    return copied;
  }
}

export function CopyLinkButton({ hash, subject, className = 'subtle-link' }: CopyLinkButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const url = shareableUrl(hash);
  return (
    <button
      type="button"
      className={`copy-link ${className}`}
      aria-label={`Copy link to ${subject}`}
      title={state === 'failed' ? `Copy this address: ${url}` : `Copy a link that lasts: ${url}`}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => void writeClipboard(url).then((copied) => setState(copied ? 'copied' : 'failed'))}
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Copy failed' : 'Copy link'}
      </span>
    </button>
  );
}
