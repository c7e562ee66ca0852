import { Link as UtrechtLink } from '@utrecht/component-library-react/css-module';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** An NL Design System link that navigates inside the app without reloading the page. */
export function AppLink({ to, children, className, ...rest }: { to: string; children: ReactNode; className?: string; 'aria-current'?: 'page' | undefined }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <UtrechtLink href={to} onClick={onClick} className={className} {...rest}>
      {children}
    </UtrechtLink>
  );
}
