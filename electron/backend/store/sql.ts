/** A SQL fragment with positional parameters: composed by the query compiler, executed by the queries modules. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Tagged template: values become `?` parameters, nested fragments are spliced in with their parameters. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return { sql: text, params };
}

export function isFragment(value: unknown): value is SqlFragment {
  return !!value && typeof value === 'object' && 'sql' in value && 'params' in value && Array.isArray((value as SqlFragment).params);
}

export function joinFragments(parts: SqlFragment[], separator: string): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}
