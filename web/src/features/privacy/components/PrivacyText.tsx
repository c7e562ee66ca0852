import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';

/**
 * A privacy statement as stored: plain text, a blank line between paragraphs, "# " before a heading. Rendered
 * as elements, never as HTML, so an administrator's text cannot carry markup or script.
 */
export function PrivacyText({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    // A key that stays put while an administrator edits: the block's place and its first words.
    .map((block, index) => ({ block, key: `${index}:${block.slice(0, 40)}` }));
  return (
    <>
      {blocks.map(({ block, key }) =>
        block.startsWith('# ') ? (
          // The page's h1 is the title above; the statement's own headings are sections of it.
          <Heading level={2} key={key}>
            {block.slice(2)}
          </Heading>
        ) : (
          <Paragraph key={key} className="app-preserve-lines">
            {block}
          </Paragraph>
        ),
      )}
    </>
  );
}
