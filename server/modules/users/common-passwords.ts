/**
 * The most used passwords and the words they are built from (English and Dutch). A password equal to
 * one of these, or one of these with digits around it ("Welkom2024!!"), is refused.
 */
const words = `
password passw0rd p@ssword p@ssw0rd wachtwoord wachtw00rd welkom welkom01 welcome letmein iloveyou
admin administrator beheerder root toor user gebruiker login inloggen guest gast test tester testing
qwerty qwertyuiop azerty asdfgh asdfghjkl zxcvbnm qazwsx trustno1 master dragon monkey shadow sunshine
princess football voetbal soccer baseball superman batman starwars pokemon whatever freedom secret geheim
hello hallo hoi doei lekker liefde schatje snoepje prinses kanarie vakantie zomer winter lente herfst
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli
augustus september oktober november december holland nederland amsterdam rotterdam utrecht eindhoven
helmond brabant ajax psv feyenoord oranje gemeente wijkwerk wijkraad wijk buurt changeme veranderen
default standaard computer internet samsung iphone google facebook linkedin microsoft windows apple
michael jennifer jordan hunter ranger buster thomas robert daniel charlie andrew joshua matthew
lovely loveme babygirl angel jessica ashley nicole summer flower blessed family familie
mustang killer harley hockey tigger cookie cheese ginger pepper biscuit chocolate
abc abcd abcdef abc123 abcd1234 aa bb xx zz qq
`;

export const commonPasswords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
