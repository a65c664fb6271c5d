/** Raised for wrong invocations: printed as one line plus a hint, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `auditlens — forensic viewer for audit logs

Usage:
  auditlens serve   [--case FILE] [--port N] [--open]         browser UI on 127.0.0.1 (prints the URL with its token)
  auditlens demo    --case FILE [--events N] [--seed S] [--end ISO]   build a realistic synthetic case
  auditlens import  PATH... --case FILE [--source NAME] [--mapping FILE]   import files, folders, .gz and .zip
  auditlens import  s3://BUCKET/PREFIX --case FILE [--endpoint URL] [--region R] [--profile P]
                    [--since ISO] [--until ISO] [--pattern GLOB] [--concurrency N]   incremental S3 pull
  auditlens query   --case FILE [QUERY] [--limit N] [--order desc|asc] [--format table|jsonl|csv]
  auditlens export  --case FILE [QUERY] --format jsonl|csv [--out FILE] [--order asc|desc]
  auditlens imports --case FILE                                 the import log (objects, counts, rejects)
  auditlens sources --case FILE                                 events per source; PCI DSS 10.2.2 coverage gaps
  auditlens journal --case FILE [--verify]                      the case journal; --verify checks its hash chain
  auditlens bench   [--events N] [--runs N] [--keep DIR]       import + query benchmark with a sqlite3 reference

Query examples: 'outcome:failure action:LOGIN*'  'actor:alice@example.com time>-24h'  'ip:10.0.0.0/8 -action:LOGOUT'
Exit codes: 0 ok, 1 failure, 2 usage.`;
