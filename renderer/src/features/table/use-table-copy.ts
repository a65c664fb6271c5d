import { useCallback } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import type { EventRow } from '../../../../shared/model/event.js';
import { api, errorMessage } from '../../api/index.js';
import { useToast } from '../../components/Toasts.js';
import { copyText } from '../../lib/clipboard.js';
import { formatInt } from '../../lib/format.js';
import type { ZoneMode } from '../../lib/time.js';
import type { ColumnId } from './columns.js';
import { formatCell, formatRows, type CopyFormat } from './copy-format.js';
import { WINDOW } from './use-row-windows.js';

/** The clipboard is for a handful of rows to a few thousand; beyond this, Export writes a file. */
export const COPY_LIMIT = 10_000;

export type CopyTarget = { kind: 'cell'; index: number; column: ColumnId } | { kind: 'rows'; indexes: number[] };

interface Options {
  query: string;
  order: Order;
  zone: ZoneMode;
  columns: readonly ColumnId[];
  getRow: (i: number) => EventRow | undefined;
}

/** Rows by index: from the table's cache, else fetched in the same page-aligned windows the table reads. */
async function loadRows(indexes: number[], o: Options): Promise<EventRow[]> {
  const fetched = new Map<number, EventRow[]>();
  const missing = [...new Set(indexes.filter((i) => !o.getRow(i)).map((i) => i - (i % WINDOW)))];
  for (const offset of missing) {
    const res = await api.invoke('events:window', { query: o.query, order: o.order, offset, limit: WINDOW });
    fetched.set(offset, res.rows);
  }
  return indexes.flatMap((i) => {
    const row = o.getRow(i) ?? fetched.get(i - (i % WINDOW))?.[i % WINDOW];
    return row ? [row] : [];
  });
}

/** Copies a cell or rows as text, CSV or JSON and says what it did (or why it did not). */
export function useTableCopy(o: Options) {
  const toast = useToast();
  const { query, order, zone, columns, getRow } = o;
  return useCallback(
    async (target: CopyTarget, format: CopyFormat) => {
      const opts = { query, order, zone, columns, getRow };
      const label = format === 'text' ? 'text' : format.toUpperCase();
      try {
        if (target.kind === 'cell') {
          const [row] = await loadRows([target.index], opts);
          if (!row) return;
          const ok = await copyText(formatCell(row, target.column, format, zone));
          toast(ok ? 'success' : 'error', ok ? `Copied the cell as ${label}` : 'The clipboard refused the copy');
          return;
        }
        if (target.indexes.length > COPY_LIMIT) {
          toast('error', `${formatInt(target.indexes.length)} rows are selected; copying takes at most ${formatInt(COPY_LIMIT)}. Use Export for more.`);
          return;
        }
        const rows = await loadRows(target.indexes, opts);
        if (rows.length === 0) return;
        const ok = await copyText(formatRows(rows, columns, format, zone));
        const what = rows.length === 1 ? 'the row' : `${formatInt(rows.length)} rows`;
        toast(ok ? 'success' : 'error', ok ? `Copied ${what} as ${label}` : 'The clipboard refused the copy');
      } catch (err) {
        toast('error', `Copy failed: ${errorMessage(err)}`);
      }
    },
    [query, order, zone, columns, getRow, toast],
  );
}
