import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { describeDevice } from '../device.ts';

type MySession = { id: string; device: string | null; ipAddress: string | null; createdAt: string; lastSeenAt: string; isCurrent: boolean };

/** Where the person is logged in, so a session left open elsewhere (a library computer, a lost phone) can be ended. */
export function MySessions({ municipality }: { municipality: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const key = ['my-sessions', municipality];
  const sessions = useQuery({ queryKey: key, queryFn: () => api<{ items: MySession[] }>(tenantPath(municipality, '/sessions')) });
  const end = useMutation({
    mutationFn: (sessionId: string) => api<null>(tenantPath(municipality, `/sessions/${sessionId}`), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const deviceName = (userAgent: string | null) => {
    const { browser, system } = describeDevice(userAgent ?? '');
    if (browser && system) return t('mySessions.browserOn', { browser, system });
    return browser ?? system ?? t('mySessions.unknownDevice');
  };
  const when = (moment: string) => new Date(moment).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  if (!sessions.data) return sessions.error ? <ProblemAlert error={sessions.error} /> : null;
  return (
    <section aria-labelledby="my-sessions-heading">
      <Heading level={2} id="my-sessions-heading">
        {t('mySessions.title')}
      </Heading>
      <Paragraph>{t('mySessions.intro')}</Paragraph>
      {end.isSuccess && <SuccessAlert>{t('mySessions.ended')}</SuccessAlert>}
      <ProblemAlert error={end.error} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('mySessions.device')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('mySessions.lastSeen')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('mySessions.action')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.data.items.map((session) => (
            <TableRow key={session.id}>
              <TableCell>
                <span title={session.device ?? undefined}>{deviceName(session.device)}</span>
                {session.ipAddress && ` · ${session.ipAddress}`}
                {session.isCurrent && <strong> · {t('mySessions.thisDevice')}</strong>}
              </TableCell>
              <TableCell>{when(session.lastSeenAt)}</TableCell>
              <TableCell>
                {!session.isCurrent && (
                  <Button appearance="secondary-action-button" busy={end.isPending && end.variables === session.id} onClick={() => end.mutate(session.id)}>
                    {t('mySessions.end')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
