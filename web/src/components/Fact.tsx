import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';

/** One labelled fact in a DataList: "Eigenaar — Afdeling Verkeer". */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}
