import { createRequire } from 'node:module';

/**
 * Words people here build passwords from that the leaked-password list below misses (mostly Dutch). A password equal to one of
 * these, or one of these with digits around it ("Welkom2024!!"), is refused.
 */
const dutchWords = `
wachtwoord wachtw00rd welkom welkom01 beheerder gebruiker inloggen gast geheim hallo hoi doei lekker liefde
schatje snoepje prinses kanarie vakantie zomer winter lente herfst voetbal familie veranderen standaard
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli
augustus september oktober november december holland nederland amsterdam rotterdam utrecht eindhoven
helmond brabant ajax psv feyenoord oranje gemeente wijkwerk wijkraad wijk buurt azerty
abc abcd abcdef abc123 abcd1234 aa bb xx zz qq p@ssword p@ssw0rd toor login linkedin
`;

let known: ReadonlySet<string> | undefined;

/**
 * The ~49,000 most used passwords from leaked password sets (zxcvbn-ts's list, MIT) and the Dutch words above,
 * all lower case. Loaded at the first password check rather than at start-up: decompressing the list takes
 * tens of milliseconds and a few megabytes that a server that never sets a password does not need.
 */
export function commonPasswords(): ReadonlySet<string> {
  if (!known) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: { 'passwords-common': string[] } };
    known = new Set([...dictionary['passwords-common'].map((password) => password.toLowerCase()), ...dutchWords.split(/\s+/).filter(Boolean)]);
  }
  return known;
}
