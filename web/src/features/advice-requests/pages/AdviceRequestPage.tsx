import { DataList, DataListItem, DataListKey, DataListValue, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAdviceRequest } from '../queries.ts';

/** One request for advice: the question, its documents, the due date, and per council its advice once given. */
export function AdviceRequestPage() {
  const { municipality = '', adviceRequestId = '' } = useParams();
  const { t } = useI18n();
  const adviceRequest = useAdviceRequest(municipality, adviceRequestId);
  if (adviceRequest.isPending) return <Loading />;
  if (adviceRequest.error || !adviceRequest.data) return <ProblemAlert error={adviceRequest.error} />;
  const item = adviceRequest.data;
  return (
    <>
      <PageTitle>{item.title}</PageTitle>
      <Paragraph appearance="lead">{item.question}</Paragraph>
      <DataList>
        <DataListItem>
          <DataListKey>{t('adviceRequest.dueOn')}</DataListKey>
          <DataListValue value={item.dueOn}>
            <CalendarDate value={item.dueOn} />
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('formalInspraak.fact')}</DataListKey>
          <DataListValue value={item.isFormalInspraak ? 'yes' : 'no'}>{item.isFormalInspraak ? t('formalInspraak.isFormal') : t('formalInspraak.isNotFormal')}</DataListValue>
        </DataListItem>
        {item.department && (
          <DataListItem>
            <DataListKey>{t('triage.department')}</DataListKey>
            <DataListValue value={item.department.name}>{item.department.name}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('adviceRequest.requestedBy')}</DataListKey>
          <DataListValue value={item.requestedBy}>{item.requestedBy}</DataListValue>
        </DataListItem>
      </DataList>
      {item.documents.length > 0 && (
        <>
          <Heading level={2}>{t('adviceRequest.documents')}</Heading>
          <UnorderedList>
            {item.documents.map((document) => (
              <UnorderedListItem key={document.url}>
                <Link href={document.url} rel="noopener noreferrer" target="_blank" className="app-long-link">
                  {document.title}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
      <Heading level={2}>{t('adviceRequest.councils')}</Heading>
      <UnorderedList>
        {item.councils.map(({ council, advice }) => (
          <UnorderedListItem key={council.id}>
            {council.name}:{' '}
            {advice ? (
              <AppLink to={`/${municipality}/vragen/${advice.id}`}>{advice.title}</AppLink>
            ) : item.canAnswerFor.includes(council.id) ? (
              <AppLink to={`/${municipality}/vragen/nieuw?soort=advice_solicited&adviesaanvraag=${item.id}&wijkorgaan=${council.id}`}>{t('adviceRequest.giveAdvice')}</AppLink>
            ) : (
              t('adviceRequest.noAdviceYet')
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
