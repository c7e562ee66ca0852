import { ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { hasRole, useSession } from '../../../api/session.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAddressedText } from '../../appearance/appearance.ts';

const staffRoles = ['advisor', 'officer', 'alderman', 'admin'];

/**
 * "Stel een vraag / geef een advies" where a resident, council or partner would look for it. A visitor who follows
 * it is asked to log in or register and comes back to the form; staff answer questions, so they do not see it.
 */
export function AskCallToAction({ municipality, neighbourhood }: { municipality: string; neighbourhood?: { id: string; name: string } }) {
  const { t } = useI18n();
  const addressed = useAddressedText(municipality);
  const navigate = useNavigate();
  const session = useSession(municipality);
  if (session.isPending || staffRoles.some((role) => hasRole(session.data, role))) return null;
  const isCouncilMember = hasRole(session.data, 'council_member');
  const path = `/${municipality}/vragen/nieuw${neighbourhood ? `?wijk=${neighbourhood.id}` : ''}`;
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <section className="app-call-to-action" aria-labelledby="ask-heading">
      <Heading level={2} id="ask-heading">
        {neighbourhood ? t('ask.titleNeighbourhood', { neighbourhood: neighbourhood.name }) : addressed('ask.title')}
      </Heading>
      <Paragraph>{isCouncilMember ? t('ask.introCouncil') : addressed('ask.intro')}</Paragraph>
      {!session.data && <Paragraph small>{addressed('ask.visitor')}</Paragraph>}
      <ButtonLink href={path} appearance="primary-action-button" onClick={follow}>
        {t(isCouncilMember ? 'ask.buttonCouncil' : 'ask.button')}
      </ButtonLink>
    </section>
  );
}
