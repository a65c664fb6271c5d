import { AppError } from '../errors.js';

export interface QuerySyntaxDetails {
  /** 1-based column (UTF-16 code unit, like the input box's selection) where the problem starts. */
  column: number;
  /** How many characters the problem spans, so the query bar can underline it. */
  length: number;
}

/** A query the user must fix. The message already says where ("... at column 14"), for the CLI's plain output. */
export class QuerySyntaxError extends AppError {
  declare readonly details: QuerySyntaxDetails;

  constructor(problem: string, column: number, length = 1, hint?: string) {
    super('QUERY_SYNTAX', `${problem} at column ${column}${hint ? `; ${hint}` : ''}`, { column, length });
    this.name = 'QuerySyntaxError';
  }
}
