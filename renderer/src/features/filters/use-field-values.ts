import { useEffect, useState } from 'react';
import type { FieldValues, ValueField } from '../../../../shared/contract/values.js';
import { api } from '../../api/index.js';

/**
 * Distinct values of a field among the events `query` selects (refreshed when the data changes). A query the
 * backend rejects leaves the previous list: the query bar already shows the error.
 */
export function useFieldValues(field: ValueField, query: string, version: number, limit = 200): FieldValues | null {
  const [values, setValues] = useState<FieldValues | null>(null);
  useEffect(() => {
    let live = true;
    api.invoke('events:values', { field, query, limit }).then(
      (v) => {
        if (live) setValues(v);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [field, query, version, limit]);
  return values;
}
