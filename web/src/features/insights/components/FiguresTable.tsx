import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';

export interface FiguresRow {
  label: string;
  cells: string[];
}

/** The numbers behind a chart: a row per bar or point, a column per series; numbers aligned to the right. */
export function FiguresTable(props: { caption: string; rowHeading: string; columns: string[]; rows: FiguresRow[]; total?: FiguresRow }) {
  return (
    <div className="insights-table">
      <Table>
        {/* The chart's heading stands right above; the caption names the table for screen readers without repeating it on screen. */}
        <TableCaption className="app-visually-hidden">{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{props.rowHeading}</TableHeaderCell>
            {props.columns.map((column) => (
              <TableHeaderCell key={column} scope="col" numericColumn>
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((row) => (
            <Row key={row.label} row={row} />
          ))}
        </TableBody>
        {props.total && (
          <TableFooter>
            <Row row={props.total} />
          </TableFooter>
        )}
      </Table>
    </div>
  );
}

function Row({ row }: { row: FiguresRow }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
      {row.cells.map((cell, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
        <TableCell key={index} numericColumn>
          {cell}
        </TableCell>
      ))}
    </TableRow>
  );
}
