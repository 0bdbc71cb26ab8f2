/** A link to a web address written in a document: only http and https, opened outside the app with no referrer. */
import { webAddress } from './webAddress.js';

interface WebAddressLinkProps {
  address: string;
  /** The link's text; the address itself when not given. */
  text?: string;
}

export function WebAddressLink({ address, text }: WebAddressLinkProps) {
  const href = webAddress(address);
  // Anything else is shown as text, never as a link: the note may come from anyone.
  if (href === undefined) return <span>{address}</span>;
  return (
    <a
      className="web-address"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={text ? href : undefined}
      aria-label={text ? `${text} ${href}` : undefined}
    >
      {text ?? address}
    </a>
  );
}
