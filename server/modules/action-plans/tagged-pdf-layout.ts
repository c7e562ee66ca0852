import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Tagged PDF on top of pdfkit: every piece of text is marked content inside a structure element (H1, H2, P, L,
 * Table), so that a screen reader reads headings, lists and tables as such; running headers, footers and table
 * rules are artifacts it skips. Layout is done here by hand (not with pdfkit's `table()`) because a table must
 * repeat its header row on every page it spans, which pdfkit's table does not do.
 */

type Document = PDFKit.PDFDocument;
type StructureElement = PDFKit.PDFStructureElement;

/**
 * DejaVu Sans, embedded (as a subset): PDF/UA wants every font embedded, and the built-in Helvetica has no glyph
 * for characters such as → that the tables use. Read once per process; pdfkit subsets it per document.
 */
const fontFiles = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
let fontData: Record<keyof typeof fontFiles, Buffer> | undefined;
function loadFonts() {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    fontData = { regular: read(fontFiles.regular), bold: read(fontFiles.bold) };
  }
  return fontData;
}

const regular = 'Body';
const bold = 'Body-Bold';
const pageMargin = { top: 60, bottom: 60, left: 48, right: 48 };
const cellPadding = 4;
const ruleColour = '#6b6b6b';
const headerFill = '#e6e6e6';

export interface TaggedPdfMetadata {
  title: string;
  /** BCP 47, e.g. nl-NL. */
  languageTag: string;
  author: string;
  subject?: string;
  /** Shown at the top of every page but the first, as an artifact. */
  runningHeader: string;
  pageLabel: (page: number, pageCount: number) => string;
}

export interface TaggedPdf {
  doc: Document;
  /** The Document element everything hangs under. */
  root: StructureElement;
  metadata: TaggedPdfMetadata;
  bytes: Promise<Buffer>;
}

export function startTaggedPdf(metadata: TaggedPdfMetadata): TaggedPdf {
  const fonts = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: pageMargin,
    pdfVersion: '1.7',
    tagged: true,
    lang: metadata.languageTag,
    // The title bar shows the document's title, not its file name (WCAG PDF18).
    displayTitle: true,
    // Pages stay in memory until the end, so that each footer can say "page x of y".
    bufferPages: true,
    info: { Title: metadata.title, Author: metadata.author, Creator: 'Wijkwerk', ...(metadata.subject ? { Subject: metadata.subject } : {}) },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(regular, fonts.regular);
  doc.registerFont(bold, fonts.bold);
  doc.font(regular);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, metadata, bytes };
}

const contentWidth = (doc: Document) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when less than `height` is left, so that a heading never ends up alone at the bottom. */
export function keepSpace(pdf: TaggedPdf, height: number) {
  if (pdf.doc.y + height > pdf.doc.page.maxY()) pdf.doc.addPage();
}

export function heading(pdf: TaggedPdf, parent: StructureElement, level: 'H1' | 'H2', text: string) {
  const { doc } = pdf;
  const size = level === 'H1' ? 22 : 15;
  keepSpace(pdf, size * 5);
  if (level === 'H2') doc.moveDown(0.6);
  parent.add(doc.struct(level, {}, () => doc.font(bold).fontSize(size).fillColor('black').text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) })));
  doc.moveDown(0.3);
}

export function paragraph(pdf: TaggedPdf, parent: StructureElement, text: string, options: { isBold?: boolean; size?: number } = {}) {
  const { doc } = pdf;
  parent.add(
    doc.struct('P', {}, () =>
      doc
        .font(options.isBold ? bold : regular)
        .fontSize(options.size ?? 10)
        .fillColor('black')
        .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) }),
    ),
  );
  doc.moveDown(0.4);
}

/** A bulleted list as L › LI › (Lbl, LBody): the bullet is the label, so a reader announces "list, 3 items". */
export function bulletList(pdf: TaggedPdf, parent: StructureElement, items: string[]) {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const indent = 14;
  const list = doc.struct('L');
  parent.add(list);
  doc.font(regular).fontSize(10).fillColor('black');
  for (const item of items) {
    keepSpace(pdf, doc.heightOfString(item, { width: contentWidth(doc) - indent }));
    const top = doc.y;
    const listItem = doc.struct('LI');
    list.add(listItem);
    listItem.add(doc.struct('Lbl', {}, () => doc.text('•', left, top, { width: indent, lineBreak: false })));
    listItem.add(doc.struct('LBody', {}, () => doc.text(item, left + indent, top, { width: contentWidth(doc) - indent })));
    listItem.end();
  }
  list.end();
  doc.x = left;
  doc.moveDown(0.4);
}

/** One line of a cell: cells hold a title in bold above its details. A row is an array of cells. */
export interface CellLine {
  text: string;
  isBold?: boolean;
}
export type TableCell = CellLine[];

export interface TableColumn {
  header: string;
  /** Share of the page width; the shares of a table add up to 1. */
  share: number;
}

const tableFontSize = 8.5;

function linesHeight(doc: Document, lines: TableCell, width: number) {
  let height = 0;
  for (const line of lines) height += doc.font(line.isBold ? bold : regular).fontSize(tableFontSize).heightOfString(line.text, { width: width - 2 * cellPadding });
  return height + 2 * cellPadding;
}

function drawLines(doc: Document, lines: TableCell, x: number, y: number, width: number) {
  let lineY = y + cellPadding;
  for (const line of lines) {
    doc
      .font(line.isBold ? bold : regular)
      .fontSize(tableFontSize)
      .fillColor('black')
      .text(line.text, x + cellPadding, lineY, { width: width - 2 * cellPadding });
    lineY = doc.y;
  }
}

/** Rules and shading say nothing a reader needs: artifacts. */
function drawArtifact(doc: Document, draw: () => void) {
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}

/**
 * A real table: Table › THead › TR › TH (scope Column) and Table › TBody › TR › TD, with `rowHeaders` making the
 * first cell of each body row a TH with scope Row. A row never splits over pages; when one does not fit, the page
 * breaks and the header row is drawn again as an artifact (it is the same header, not a new one, for a reader).
 */
export function table(pdf: TaggedPdf, parent: StructureElement, columns: TableColumn[], rows: TableCell[][], options: { rowHeaders?: boolean } = {}) {
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const widths = columns.map((column) => column.share * contentWidth(doc));
  const headerCells: TableCell[] = columns.map((column) => [{ text: column.header, isBold: true }]);
  const rowHeight = (cells: TableCell[]) => Math.max(...cells.map((cell, index) => linesHeight(doc, cell, widths[index]!)));
  const headerHeight = rowHeight(headerCells);

  const drawHeaderBackground = (top: number) =>
    drawArtifact(doc, () => {
      doc.rect(left, top, contentWidth(doc), headerHeight).fill(headerFill);
    });
  const drawRule = (y: number) =>
    drawArtifact(doc, () => {
      doc.moveTo(left, y).lineTo(left + contentWidth(doc), y).lineWidth(0.5).strokeColor(ruleColour).stroke();
    });

  const drawRow = (cells: TableCell[], parentGroup: StructureElement, cellType: (index: number) => 'TH' | 'TD' | 'THRow') => {
    const top = doc.y;
    const height = rowHeight(cells);
    const row = doc.struct('TR');
    parentGroup.add(row);
    let x = left;
    cells.forEach((cell, index) => {
      const cellX = x;
      const width = widths[index]!;
      const kind = cellType(index);
      // pdfkit writes `scope` as the Table attribute /Scope; its type definitions do not list it yet.
      const structureOptions = (kind === 'TD' ? {} : { scope: kind === 'TH' ? 'Column' : 'Row' }) as PDFKit.Mixins.StructureElementOptions;
      const content = cell.length > 0 ? [() => drawLines(doc, cell, cellX, top, width)] : [];
      row.add(doc.struct(kind === 'TD' ? 'TD' : 'TH', structureOptions, content));
      x += width;
    });
    row.end();
    doc.x = left;
    doc.y = top + height;
    drawRule(doc.y);
  };

  const firstRowHeight = rows[0] ? rowHeight(rows[0]) : 0;
  keepSpace(pdf, headerHeight + firstRowHeight);
  const tableElement = doc.struct('Table');
  parent.add(tableElement);
  const head = doc.struct('THead');
  tableElement.add(head);
  drawHeaderBackground(doc.y);
  drawRow(headerCells, head, () => 'TH');
  head.end();

  const body = doc.struct('TBody');
  tableElement.add(body);
  for (const cells of rows) {
    if (doc.y + rowHeight(cells) > doc.page.maxY()) {
      doc.addPage();
      const top = doc.y;
      drawHeaderBackground(top);
      drawArtifact(doc, () => {
        let x = left;
        headerCells.forEach((cell, index) => {
          drawLines(doc, cell, x, top, widths[index]!);
          x += widths[index]!;
        });
      });
      doc.x = left;
      doc.y = top + headerHeight;
      drawRule(doc.y);
    }
    drawRow(cells, body, (index) => (options.rowHeaders && index === 0 ? 'THRow' : 'TD'));
  }
  body.end();
  tableElement.end();
  doc.moveDown(0.8);
}

/**
 * Running header and "page x of y" footer on every page, as pagination artifacts, then the end of the file.
 * The bottom margin is lifted while the footer is written: pdfkit would otherwise start a new page for text
 * below it.
 */
export async function finishTaggedPdf(pdf: TaggedPdf): Promise<Buffer> {
  const { doc, metadata } = pdf;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins, height } = doc.page;
    const bottomMargin = margins.bottom;
    margins.bottom = 0;
    const width = contentWidth(doc);
    doc.font(regular).fontSize(8).fillColor('#3d3d3d');
    if (index > range.start) {
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
      doc.text(metadata.runningHeader, margins.left, 30, { width, lineBreak: false });
      doc.endMarkedContent();
    }
    doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
    doc.text(metadata.pageLabel(index - range.start + 1, range.count), margins.left, height - 40, { width, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    margins.bottom = bottomMargin;
  }
  pdf.root.end();
  doc.end();
  return pdf.bytes;
}
