import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  type IParagraphOptions,
  type IRunOptions,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Building blocks of Bindeled's shipped templates (tools/templates/make-templates.ts): an A4 page with the
 * organisation's letterhead, headings, label/value tables and tables whose rows repeat. Text in
 * `{{…}}` is a placeholder filled by patchDocument; each sits in a run of its own so a consultant
 * who edits the template in Word sees it whole.
 */
export const FONT = 'Arial';
export const ACCENT = '1F4E79';
export const MUTED = '595959';
const LABEL_FILL = 'EEF3F8';
const RULE = 'B4C6DC';

/** A4 with 2.2 cm side margins: 11906 − 2 × 1247 twips of text width. */
export const PAGE = { width: 11906, height: 16838, margin: 1247 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const DOCUMENT_STYLES = {
  default: {
    document: {
      run: { font: FONT, size: 20 },
      paragraph: { spacing: { after: 80, line: 264, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT, size: 30, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 120, after: 60 } },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FONT, size: 22, color: MUTED },
      paragraph: { spacing: { after: 200 } },
    },
    {
      id: 'Heading2',
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 22, bold: true, color: ACCENT },
      paragraph: {
        spacing: { before: 240, after: 80 },
        keepNext: true,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 2 } },
      },
    },
    {
      id: 'Small',
      name: 'Small',
      basedOn: 'Normal',
      run: { font: FONT, size: 16, color: MUTED },
      paragraph: { spacing: { after: 0 } },
    },
  ],
};

type Part = string | { text: string; bold?: boolean; italics?: boolean; color?: string; size?: number };

/** A run per part, so "{{name}}" never shares a run with the words around it. */
export function runs(parts: readonly Part[]): TextRun[] {
  return parts.map((part) => {
    if (typeof part === 'string') return new TextRun(part);
    const opts: IRunOptions = { ...part };
    return new TextRun(opts);
  });
}

export function para(parts: readonly Part[] | string, opts: Omit<IParagraphOptions, 'children' | 'text'> = {}) {
  return new Paragraph({ ...opts, children: runs(typeof parts === 'string' ? [parts] : parts) });
}

export function title(text: Part[] | string, subtitle?: Part[] | string): Paragraph[] {
  const out = [para(text, { style: 'Title' })];
  if (subtitle) out.push(para(subtitle, { style: 'Subtitle' }));
  return out;
}

export function heading(text: string): Paragraph {
  return para(text, { style: 'Heading2' });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
const GRID_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const CELL_MARGINS = { top: 50, bottom: 50, left: 100, right: 100 };

function cell(children: Paragraph[], width: number, opts: { fill?: string; span?: number } = {}) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlign.TOP,
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } : undefined,
  });
}

/** Label | value rows, labels shaded: the firm's details, the contact person, visit facts. */
export function labelTable(rows: ReadonlyArray<[label: string, value: Part[] | string]>, labelShare = 0.32): Table {
  const left = Math.round(TEXT_WIDTH * labelShare);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            // Short tables stay on one page with their heading.
            cell([para([{ text: label, bold: true }], { spacing: { after: 0 }, keepNext: true })], left, {
              fill: LABEL_FILL,
            }),
            cell([para(value, { spacing: { after: 0 }, keepNext: true })], right),
          ],
        }),
    ),
  });
}

export interface Column {
  header: string;
  share: number;
  align?: 'left' | 'right';
}

type Cells = Array<Part[] | string>;

/** A table with a shaded header row, body rows and an optional total row. */
export function gridTable(
  columns: readonly Column[],
  body: readonly Cells[],
  total?: { label: string; cells: Cells },
): Table {
  const widths = columns.map((c) => Math.round(TEXT_WIDTH * c.share));
  const align = (c: Column | undefined) => (c?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((c, i) =>
        cell(
          [para([{ text: c.header, bold: true, color: 'FFFFFF' }], { alignment: align(c), spacing: { after: 0 } })],
          widths[i] ?? 0,
          { fill: ACCENT },
        ),
      ),
    }),
    ...body.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((content, i) =>
            cell([para(content, { alignment: align(columns[i]), spacing: { after: 0 } })], widths[i] ?? 0),
          ),
        }),
    ),
  ];
  if (total) {
    const span = columns.length - total.cells.length;
    const spanWidth = widths.slice(0, span).reduce((a, b) => a + b, 0);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell([para([{ text: total.label, bold: true }], { spacing: { after: 0 } })], spanWidth, {
            span,
            fill: LABEL_FILL,
          }),
          ...total.cells.map((content, j) =>
            cell(
              [para(content, { alignment: align(columns[span + j]), spacing: { after: 0 } })],
              widths[span + j] ?? 0,
              { fill: LABEL_FILL },
            ),
          ),
        ],
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
    rows,
  });
}

/**
 * A table whose one body row repeats: its cells hold `group.field` placeholders such as
 * "{{budget.amount}}", and patchDocument copies the row once per item.
 */
export function repeatTable(
  columns: ReadonlyArray<Column & { cell: Part[] | string }>,
  total?: { label: string; cells: Cells },
): Table {
  return gridTable(columns, [columns.map((c) => c.cell)], total);
}

/** A borderless repeating list: "•  {{annexes.text}}". */
export function bulletRows(placeholder: string): Table {
  const bullet = 280;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [bullet, TEXT_WIDTH - bullet],
    borders: NO_BORDERS,
    margins: { top: 10, bottom: 10, left: 0, right: 60 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([para('•', { spacing: { after: 0 } })], bullet),
          cell([para(placeholder, { spacing: { after: 0 } })], TEXT_WIDTH - bullet),
        ],
      }),
    ],
  });
}

/** The ten needs as a two-column checklist: "☒ Eksport   ☐ Netværk". */
export function needsChecklist(): Table {
  const mark = 360;
  const label = Math.round(TEXT_WIDTH / 2) - mark;
  // keepNext holds the checklist's rows together on one page.
  const c = (text: string, width: number) => cell([para(text, { spacing: { after: 0 }, keepNext: true })], width);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [mark, label, mark, TEXT_WIDTH - 2 * mark - label],
    borders: NO_BORDERS,
    margins: { top: 10, bottom: 10, left: 0, right: 60 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          c('{{needs.mark1}}', mark),
          c('{{needs.label1}}', label),
          c('{{needs.mark2}}', mark),
          c('{{needs.label2}}', TEXT_WIDTH - 2 * mark - label),
        ],
      }),
    ],
  });
}

/** Two columns without borders: recipient on the left, date and references on the right. */
export function addressBlock(left: Paragraph[], right: Paragraph[]): Table {
  const l = Math.round(TEXT_WIDTH * 0.58);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [l, TEXT_WIDTH - l],
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [new TableRow({ children: [cell(left, l), cell(right, TEXT_WIDTH - l)] })],
  });
}

export function spacer(after = 200): Paragraph {
  return new Paragraph({ spacing: { after }, children: [] });
}

/** The letterhead on page 1 (logo left, sender right, a rule below) and a slim one after it. */
export function letterheadHeaders() {
  const logoWidth = Math.round(TEXT_WIDTH * 0.45);
  const first = new Header({
    children: [
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [logoWidth, TEXT_WIDTH - logoWidth],
        borders: NO_BORDERS,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        rows: [
          new TableRow({
            children: [
              cell([para('{{logo}}', { spacing: { after: 0 } })], logoWidth),
              cell(
                [
                  para([{ text: '{{org_name}}', bold: true, size: 22, color: ACCENT }], {
                    alignment: AlignmentType.RIGHT,
                    spacing: { after: 0 },
                  }),
                  para([{ text: '{{org_address}}', size: 16, color: MUTED }], {
                    alignment: AlignmentType.RIGHT,
                    spacing: { after: 0 },
                  }),
                  para([{ text: '{{org_contact}}', size: 16, color: MUTED }], {
                    alignment: AlignmentType.RIGHT,
                    spacing: { after: 0 },
                  }),
                ],
                TEXT_WIDTH - logoWidth,
              ),
            ],
          }),
        ],
      }),
      new Paragraph({
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } },
        children: [],
      }),
    ],
  });
  const rest = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children: runs([{ text: '{{org_name}}', size: 16, color: MUTED }]),
      }),
    ],
  });
  return { first, default: rest };
}

export function letterheadFooters() {
  const footerText = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
      spacing: { after: 0 },
      children: runs([{ text: '{{org_footer}}', size: 15, color: MUTED }]),
    });
  const pageNumber = new Paragraph({
    alignment: AlignmentType.RIGHT,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    spacing: { after: 0 },
    children: [
      new TextRun({
        size: 15,
        color: MUTED,
        children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES],
      }),
    ],
  });
  return {
    first: new Footer({ children: [footerText()] }),
    default: new Footer({ children: [footerText(), pageNumber] }),
  };
}

/** "Med venlig hilsen" and the consultant's name, title, organisation and direct contact. */
export function signature(): Paragraph[] {
  return [
    para('Med venlig hilsen', { spacing: { before: 280, after: 480 }, keepNext: true }),
    para([{ text: '{{signature_name}}', bold: true }], { spacing: { after: 0 }, keepNext: true }),
    para('{{signature_title}}', { spacing: { after: 0 }, keepNext: true }),
    para('{{org_name}}', { spacing: { after: 0 }, keepNext: true }),
    para([{ text: '{{signature_contact}}', color: MUTED }], { spacing: { after: 0 } }),
  ];
}
