import { Button } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import type { Request } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { refreshRequest } from '../queries.ts';
import { useAnnounce } from './RequestStatus.tsx';

/** Follow a public request of someone else, and hear of its news; or stop following it. */
export function FollowButton({ municipality, request }: { municipality: string; request: Request }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const isFollowing = request.isFollowing === true;
  const change = useMutation({
    mutationFn: () => api<{ isFollowing: boolean }>(tenantPath(municipality, `/requests/${request.id}/following`), { method: isFollowing ? 'DELETE' : 'PUT' }),
    onSuccess: async (answer) => {
      await refreshRequest(queryClient, municipality);
      await queryClient.invalidateQueries({ queryKey: ['requests', municipality] });
      announce(t(answer.isFollowing ? 'follow.started' : 'follow.stopped'));
    },
  });
  return (
    <div className="app-follow">
      <ProblemAlert error={change.error} />
      <Button appearance="secondary-action-button" aria-pressed={isFollowing} busy={change.isPending} disabled={change.isPending} onClick={() => change.mutate()}>
        {t(isFollowing ? 'follow.stop' : 'follow.start')}
      </Button>
    </div>
  );
}
