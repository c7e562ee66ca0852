import type { Executor } from '../db/client.ts';
import type { Clock } from './clock.ts';
import type { Language } from './language.ts';
import type { Actor } from './permissions.ts';

/** What every use case needs to know about the call it serves. */
export interface UseCaseContext {
  municipalityId: string;
  /** The municipality's slug when the call came in through its URL; used for links in messages. */
  municipalitySlug?: string;
  actor: Actor | undefined;
  requestId: string;
  language: Language;
}

/** The shared parts every service is built from. */
export interface ServiceDependencies {
  db: Executor;
  clock: Clock;
}
