import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

/** The relying party is the address people use: passkeys are bound to its host name and origin. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, name: 'Wijkwerk', origin: url.origin };
}

export interface StoredPasskey {
  credentialId: string;
  publicKey: string;
  signCount: number;
  transports: string[] | null;
}

type Transport = 'ble' | 'cable' | 'hybrid' | 'internal' | 'nfc' | 'smart-card' | 'usb';
const transportsOf = (passkey: StoredPasskey) => (passkey.transports ?? []) as Transport[];

export function registrationOptions(rp: RelyingParty, user: { id: string; email: string; displayName: string }, existing: StoredPasskey[]) {
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    // No attestation: which brand of key someone uses is not ours to know, and "none" needs no vendor trust list.
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: transportsOf(passkey) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** The new passkey when the browser's answer is valid for this challenge, origin and host; otherwise undefined. */
export async function verifiedRegistration(rp: RelyingParty, challenge: string, response: unknown): Promise<StoredPasskey | undefined> {
  try {
    const result = await verifyRegistrationResponse({ response: response as RegistrationResponseJSON, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false });
    if (!result.verified) return undefined;
    const credential = result.registrationInfo.credential;
    return { credentialId: credential.id, publicKey: Buffer.from(credential.publicKey).toString('base64url'), signCount: credential.counter, transports: credential.transports ?? null };
  } catch {
    // A malformed or forged answer is a failed attempt, not a server error.
    return undefined;
  }
}

export function authenticationOptions(rp: RelyingParty, passkeys: StoredPasskey[]) {
  return generateAuthenticationOptions({ rpID: rp.id, allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: transportsOf(passkey) })), userVerification: 'preferred' });
}

/** Which of the person's passkeys signed the challenge, with its new counter; undefined when none did. */
export async function verifiedAuthentication(rp: RelyingParty, challenge: string, response: unknown, passkeys: StoredPasskey[]): Promise<{ credentialId: string; signCount: number } | undefined> {
  const answer = response as AuthenticationResponseJSON;
  const passkey = passkeys.find((candidate) => candidate.credentialId === answer?.id);
  if (!passkey) return undefined;
  try {
    const result = await verifyAuthenticationResponse({
      response: answer,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')), counter: passkey.signCount, transports: transportsOf(passkey) },
      requireUserVerification: false,
    });
    return result.verified ? { credentialId: passkey.credentialId, signCount: result.authenticationInfo.newCounter } : undefined;
  } catch {
    return undefined;
  }
}
