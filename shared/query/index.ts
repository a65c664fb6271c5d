export type * from './ast.js';
export {
  FIELD_NAMES, FIELDS, fieldList, resolveField, type FieldDef, type FieldKind, type FieldName,
} from './fields.js';
export { cidrRange, ipToKey, isIpOrCidr, type IpRange } from './ip.js';
export { tokenize, type PunctToken, type TermOp, type TermToken, type Token } from './lexer.js';
export { parseQuery, type ParseOptions } from './parse.js';
export { QuerySyntaxError, type QuerySyntaxDetails } from './syntax-error.js';
export { parseTimeValue, timeRange, type TimeOp, type TimeRange, type TimeSpan } from './time.js';
