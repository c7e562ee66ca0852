import type { Executor } from '../../db/client.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { createRequestRepository } from './request.repository.ts';
import { formatReference, referencePrefixOf } from './request-reference.rules.ts';
import { resolveRequestSettings } from './request-settings.rules.ts';

/**
 * The next reference of a municipality for a request submitted at this moment ("HLM-2026-0142"). Call it inside
 * the transaction that inserts the request: the counter's row stays locked until that transaction ends.
 */
export async function allocateRequestReference(tx: Executor, municipalityId: string, submittedAt: Date): Promise<string> {
  const municipalities = createMunicipalityRepository(tx);
  const settings = resolveRequestSettings(await municipalities.readSettings(municipalityId, 'requests'));
  const slug = (await municipalities.findById(municipalityId))?.slug ?? '';
  const year = Number(dateInAmsterdam(submittedAt).slice(0, 4));
  const number = await createRequestRepository(tx).nextReferenceNumber(municipalityId, year);
  return formatReference(referencePrefixOf(settings.referencePrefix, slug), year, number);
}
