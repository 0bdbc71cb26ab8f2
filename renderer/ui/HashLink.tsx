/** An in-app link: a real `href` (so middle-click, copy and screen readers work) routed through `navigate`. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

interface HashLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  hash: string;
  navigate: (hash: string) => void;
}

export function HashLink({ hash, navigate, onClick, children, ...rest }: HashLinkProps) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(hash);
  }
  return (
    <a href={hash} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
