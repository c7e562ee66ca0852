import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { hasRole, loginPathFor, useSession } from '../../../api/session.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Pagination } from '../../admin/components/Pagination.tsx';
import { useAdviceRequests } from '../queries.ts';

/** /adviesaanvragen: what the municipality asked councils, nearest due date first, and how many have answered. */
export function AdviceRequestListPage() {
  const { municipality = '' } = useParams();
  const location = useLocation();
  const { t } = useI18n();
  const session = useSession(municipality);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const list = useAdviceRequests(municipality, page, Boolean(session.data));
  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to={loginPathFor(municipality, location.pathname)} replace />;
  const mayAsk = ['advisor', 'officer', 'admin'].some((role) => hasRole(session.data, role));
  return (
    <>
      <PageTitle>{t('adviceRequest.listTitle')}</PageTitle>
      <Paragraph appearance="lead">{mayAsk ? t('adviceRequest.listIntroStaff') : t('adviceRequest.listIntroCouncil')}</Paragraph>
      {mayAsk && (
        <Paragraph>
          <AppLink to={`/${municipality}/adviesaanvragen/nieuw`}>{t('adviceRequest.new')}</AppLink>
        </Paragraph>
      )}
      <ProblemAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('adviceRequest.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <Table>
          <TableCaption>{t('adviceRequest.caption', { total: list.data.total })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('adviceRequest.title')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('adviceRequest.dueOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('adviceRequest.answered')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((item) => (
              <TableRow key={item.id}>
                <TableCell>
                  <AppLink to={`/${municipality}/adviesaanvragen/${item.id}`}>{item.title}</AppLink>
                  {item.isFormalInspraak && ` · ${t('formalInspraak.title')}`}
                </TableCell>
                <TableCell>
                  <CalendarDate value={item.dueOn} />
                </TableCell>
                <TableCell>{t('adviceRequest.answeredOf', { advice: item.adviceCount, councils: item.councilCount })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={page} pageCount={list.data?.pageCount ?? 1} onChange={(next) => setParams(next > 1 ? { page: String(next) } : {})} />
    </>
  );
}
