/**
 * Files that people upload (attachments on requests, evidence with an action's progress): which types are
 * accepted, what their names become, how limits read, and the problems an upload can run into.
 * Pure: no database, no Fastify. The bytes' real type is sniffed by `file-uploads.ts`; these rules decide on it.
 */
import { defineErrors } from './errors.ts';

/** PDF and the image types every browser shows; each with the extensions a saved file may carry. */
export const attachmentTypes = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
} as const;
export type AttachmentMediaType = keyof typeof attachmentTypes;
export const attachmentMediaTypes = Object.keys(attachmentTypes) as AttachmentMediaType[];

export const maxFileNameLength = 120;
export const defaultAttachmentMaxBytes = 10 * 1024 * 1024;
/** What one person may upload in all, unless configured otherwise (ATTACHMENT_QUOTA_BYTES_PER_USER). */
export const defaultAttachmentQuotaBytesPerUser = 100 * 1024 * 1024;

export const fileErrors = defineErrors({
  codes: {
    ATTACHMENT_TYPE_NOT_ALLOWED: {
      status: 415,
      title: { nl: 'Dit soort bestand kan niet', en: 'File type not allowed' },
      detail: { nl: 'Voeg een PDF of een afbeelding (PNG, JPEG, GIF of WebP) toe. Het soort bestand wordt aan de inhoud herkend, niet aan de naam.', en: 'Attach a PDF or an image (PNG, JPEG, GIF or WebP). The file type is recognised by its content, not by its name.' },
    },
    ATTACHMENT_TOO_LARGE: {
      status: 413,
      title: { nl: 'Bestand te groot', en: 'File too large' },
      detail: { nl: 'Een bijlage mag hoogstens {limit} zijn. Verklein het bestand (bijvoorbeeld een foto met een lagere resolutie) en probeer het opnieuw.', en: 'An attachment may be at most {limit}. Make the file smaller (for example a photo at a lower resolution) and try again.' },
    },
    ATTACHMENT_QUOTA_EXCEEDED: {
      status: 413,
      title: { nl: 'Opslagruimte vol', en: 'Storage quota reached' },
      detail: {
        nl: 'Uw bijlagen samen mogen hoogstens {quota} zijn; u gebruikt nu {used}, en dit bestand past er niet meer bij. Verwijder eerst een bijlage die niet meer nodig is.',
        en: 'Your attachments together may be at most {quota}; you now use {used}, and this file no longer fits. Remove an attachment that is no longer needed first.',
      },
    },
    MULTIPART_REQUIRED: {
      status: 415,
      title: { nl: 'Niet-ondersteund formaat', en: 'Unsupported media type' },
      detail: { nl: 'Stuur het bestand als multipart/form-data, in het veld “file”.', en: 'Send the file as multipart/form-data, in the field “file”.' },
    },
  },
  fieldMessages: {
    attachmentType: { nl: 'Kies een PDF of een afbeelding (PNG, JPEG, GIF of WebP). Dit bestand is geen van die soorten, wat de naam ook zegt.', en: 'Choose a PDF or an image (PNG, JPEG, GIF or WebP). This file is none of those, whatever its name says.' },
    attachmentTooLarge: { nl: 'Dit bestand is groter dan {limit}. Kies een kleiner bestand.', en: 'This file is larger than {limit}. Choose a smaller file.' },
    attachmentQuotaExceeded: { nl: 'Dit bestand past niet meer in uw opslagruimte van {quota}.', en: 'This file no longer fits in your storage quota of {quota}.' },
    oneFileOnly: { nl: 'Voeg één bestand tegelijk toe.', en: 'Add one file at a time.' },
    tooManyFormFields: { nl: 'Stuur alleen de velden {fields}.', en: 'Send only the fields {fields}.' },
  },
});

export function isAllowedAttachmentType(mediaType: string | undefined): mediaType is AttachmentMediaType {
  return mediaType !== undefined && Object.hasOwn(attachmentTypes, mediaType);
}

// Control characters (C0, C1) and invisible format characters, among them the bidirectional overrides
// that make "factuur\u202Efdp.exe" read as "factuurexe.pdf".
const unsafeCharacters = /[\p{Cc}\p{Cf}]/gu;
// Characters that Windows, macOS or a shell treat specially in a file name.
const reservedCharacters = /[<>:"|?*]/g;

/**
 * The name a file is stored and offered under: the last path segment only, without control characters,
 * reserved characters or leading dots, at most maxFileNameLength characters, and with an extension that
 * matches what the bytes really are (a PNG called "scan.pdf" becomes "scan.pdf.png").
 */
export function sanitiseFileName(raw: string, mediaType: AttachmentMediaType): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment.replace(unsafeCharacters, '').replace(reservedCharacters, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const extensions: readonly string[] = attachmentTypes[mediaType];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(extension)) name = name ? `${name}.${extensions[0]}` : '';
  if (!name) return `bijlage.${extensions[0]}`;
  if (name.length <= maxFileNameLength) return name;
  // Shorten the stem, keep the extension: the name must still open with the right program.
  const suffix = name.slice(name.lastIndexOf('.'));
  const stem = Array.from(name.slice(0, name.lastIndexOf('.')));
  return `${stem.slice(0, maxFileNameLength - suffix.length).join('').trimEnd()}${suffix}`;
}

/** RFC 6266 / RFC 8187: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
export function contentDispositionFor(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "10 MB" for 10 485 760 bytes; the limit as people read it. */
export function describeByteLimit(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
  return `${Math.floor(bytes / 1024)} kB`;
}
