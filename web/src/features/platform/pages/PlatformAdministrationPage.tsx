import {
  Button,
  Heading,
  PageContent,
  Paragraph,
  SkipLink,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiProblem, api, rememberCsrfToken } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { type Language, useI18n } from '../../../i18n/i18n.tsx';

interface PlatformSession {
  administrator: { id: string; email: string; displayName: string } | null;
  csrfToken: string | null;
}

interface PlatformMunicipality {
  id: string;
  slug: string;
  name: string;
  cbsCode: string | null;
  createdAt: string;
  neighbourhoods: number;
  users: number;
}

interface Founded {
  municipality: { slug: string; name: string };
  administrator: { displayName: string; email: string; invitationExpiresAt: string };
}

const sessionKey = ['platform-session'];

/** What a name becomes in a web address: "Bergen (NH)" → "bergen-nh", "Súdwest-Fryslân" → "sudwest-fryslan". */
function slugFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/**
 * The installation's own administration: who runs Wijkwerk creates municipalities here. Outside every municipality's
 * frame, with a login of its own; a municipality's accounts have no way in.
 */
export function PlatformAdministrationPage() {
  const { t, language, setLanguage } = useI18n();
  const session = useQuery({ queryKey: sessionKey, queryFn: () => api<PlatformSession>('/platform/session') });
  const queryClient = useQueryClient();
  const otherLanguage: Language = language === 'nl' ? 'en' : 'nl';
  const administrator = session.data?.administrator;
  useEffect(() => {
    rememberCsrfToken(session.data?.csrfToken ?? null);
  }, [session.data?.csrfToken]);
  const logOut = useMutation({
    mutationFn: () => api<void>('/platform/session', { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData(sessionKey, { administrator: null, csrfToken: null }),
  });

  return (
    <div className="app-page">
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <PageContent>
        <header className="platform-header">
          <Paragraph className="app-brand">{t('platform.brand')}</Paragraph>
          <div className="platform-header__actions">
            {administrator && (
              <Button appearance="subtle-button" onClick={() => logOut.mutate()} busy={logOut.isPending}>
                {t('platform.logOut', { name: administrator.displayName })}
              </Button>
            )}
            <Button appearance="subtle-button" lang={otherLanguage} onClick={() => setLanguage(otherLanguage)}>
              {otherLanguage === 'en' ? 'English' : 'Nederlands'}
            </Button>
          </div>
        </header>
        <main id="main" className="app-main">
          <Heading level={1}>{t('platform.title')}</Heading>
          {session.isPending && <Loading />}
          <ProblemAlert error={session.error} />
          {session.data && !administrator && <PlatformLogin />}
          {administrator && <Municipalities />}
        </main>
      </PageContent>
    </div>
  );
}

function PlatformLogin() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const logIn = useMutation({
    mutationFn: () => api<PlatformSession>('/platform/session', { method: 'POST', body: { email, password } }),
    onSuccess: (answer) => queryClient.setQueryData(sessionKey, answer),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    logIn.mutate();
  };
  const problem = logIn.error instanceof ApiProblem ? logIn.error : undefined;
  return (
    <>
      <Paragraph>{t('platform.loginIntro')}</Paragraph>
      <ProblemAlert error={logIn.error} fieldIds={{ 'body.email': 'platform-email', 'body.password': 'platform-password' }} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="platform-email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required error={problem?.fieldError('body.email')} />
        <PasswordField id="platform-password" label={t('login.password')} autoComplete="current-password" value={password} onChange={setPassword} required error={problem?.fieldError('body.password')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={logIn.isPending} disabled={logIn.isPending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function Municipalities() {
  const { t, language } = useI18n();
  const list = useQuery({ queryKey: ['platform-municipalities'], queryFn: () => api<{ items: PlatformMunicipality[] }>('/platform/municipalities') });
  const [founded, setFounded] = useState<Founded | undefined>();
  const count = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL');
  return (
    <>
      {founded && (
        <SuccessAlert>
          {t('platform.founded', {
            name: founded.municipality.name,
            administrator: founded.administrator.displayName,
            email: founded.administrator.email,
            until: new Date(founded.administrator.invitationExpiresAt).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </SuccessAlert>
      )}
      <section aria-labelledby="platform-list-heading">
        <Heading level={2} id="platform-list-heading">
          {t('platform.listTitle')}
        </Heading>
        {list.isPending && <Loading />}
        <ProblemAlert error={list.error} />
        {list.data && (
          <div className="admin-table-scroll">
            <Table className="admin-table">
              <TableCaption>{t('platform.caption', { count: list.data.items.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('platform.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('platform.cbsCode')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('platform.neighbourhoods')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('platform.users')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((item) => (
                  <TableRow key={item.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to={`/${item.slug}`}>{item.name}</AppLink>
                    </TableHeaderCell>
                    <TableCell>{item.cbsCode ?? '—'}</TableCell>
                    <TableCell>{count.format(item.neighbourhoods)}</TableCell>
                    <TableCell>{count.format(item.users)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <FoundMunicipalityForm onFounded={setFounded} />
    </>
  );
}

function FoundMunicipalityForm({ onFounded }: { onFounded(founded: Founded | undefined): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const empty = { name: '', slug: '', cbsCode: '', adminName: '', adminEmail: '', adminLocale: 'nl' };
  const [form, setForm] = useState(empty);
  // The web address follows the name until someone types one of their own.
  const [isSlugTyped, setIsSlugTyped] = useState(false);
  const found = useMutation({
    mutationFn: () =>
      api<Founded>('/platform/municipalities', {
        method: 'POST',
        body: { name: form.name, slug: form.slug, cbsCode: form.cbsCode, administrator: { displayName: form.adminName, email: form.adminEmail, locale: form.adminLocale } },
      }),
    onSuccess: (answer) => {
      onFounded(answer);
      setForm(empty);
      setIsSlugTyped(false);
      void queryClient.invalidateQueries({ queryKey: ['platform-municipalities'] });
      window.scrollTo({ top: 0 });
    },
  });
  const problem = found.error instanceof ApiProblem ? found.error : undefined;
  const set = (field: keyof typeof empty) => (value: string) => setForm((current) => ({ ...current, [field]: value, ...(field === 'name' && !isSlugTyped ? { slug: slugFrom(value) } : {}) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The confirmation of the previous one goes, so it cannot be read as this one's.
    onFounded(undefined);
    found.mutate();
  };
  const ids = { 'body.name': 'found-name', 'body.slug': 'found-slug', 'body.cbsCode': 'found-cbs', 'body.administrator.displayName': 'found-admin-name', 'body.administrator.email': 'found-admin-email' };
  return (
    <section aria-labelledby="platform-found-heading">
      <Heading level={2} id="platform-found-heading">
        {t('platform.foundTitle')}
      </Heading>
      <Paragraph>{t('platform.foundIntro')}</Paragraph>
      <ProblemAlert error={found.error} fieldIds={ids} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="found-name" label={t('platform.name')} value={form.name} onChange={set('name')} required error={problem?.fieldError('body.name')} />
        <TextField
          id="found-slug"
          label={t('platform.slug')}
          description={t('platform.slugHelp', { slug: form.slug || 'eindhoven' })}
          value={form.slug}
          onChange={(value) => {
            setIsSlugTyped(true);
            set('slug')(value);
          }}
          required
          error={problem?.fieldError('body.slug')}
        />
        <TextField id="found-cbs" label={t('platform.cbsCode')} description={t('platform.cbsCodeHelp')} value={form.cbsCode} onChange={set('cbsCode')} required error={problem?.fieldError('body.cbsCode')} />
        <Heading level={3}>{t('platform.adminTitle')}</Heading>
        <TextField id="found-admin-name" label={t('platform.adminName')} value={form.adminName} onChange={set('adminName')} required autoComplete="off" error={problem?.fieldError('body.administrator.displayName')} />
        <TextField id="found-admin-email" label={t('platform.adminEmail')} type="email" autoComplete="off" value={form.adminEmail} onChange={set('adminEmail')} required error={problem?.fieldError('body.administrator.email')} />
        <SelectField
          id="found-admin-locale"
          label={t('platform.adminLocale')}
          value={form.adminLocale}
          onChange={set('adminLocale')}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={found.isPending} disabled={found.isPending}>
            {t('platform.foundSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
