/** Raised for wrong invocations: printed as one line plus a hint, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `auditlens — forensic viewer for audit logs

Usage:
  auditlens serve   [--case FILE] [--port N] [--open]         browser UI on 127.0.0.1 (prints the URL with its token)
  auditlens demo    --case FILE [--events N] [--seed S] [--end ISO]   build a realistic synthetic case
  auditlens import  PATH... --case FILE [--source NAME] [--mapping FILE|NAME]   import files, folders, .gz and .zip
  auditlens import  s3://BUCKET/PREFIX --case FILE [--endpoint URL] [--region R] [--profile P]
                    [--since ISO] [--until ISO] [--pattern GLOB] [--concurrency N]   incremental S3 pull
                    [--validate [--public-key FILE] [--cloudtrail-keys]]   then CloudTrail log-file integrity
                    validation (digests; signatures checked with the PEM file and/or CloudTrail's ListPublicKeys)
  auditlens integrity --case FILE [--format table|jsonl|csv] [--limit N]   S3 objects' integrity status and gaps
  auditlens query   --case FILE [QUERY] [--limit N] [--order desc|asc] [--format table|jsonl|csv|json]
  auditlens export  --case FILE [QUERY] --format jsonl|csv|json [--out FILE] [--name N] [--order asc|desc] [--limit N]
                    every matching event (a --limit is flagged in the file and the history)
  auditlens exports --case FILE                                 the export history (UI and CLI exports, SHA-256)
  auditlens imports --case FILE                                 the import log (objects, counts, rejects)
  auditlens sources --case FILE                                 events per source; PCI DSS 10.2.2 coverage gaps;
                                                                the configured API sources and their checkpoints
  auditlens source add NAME --preset P [--url BASE] [--token-env VAR] [--param K=V]... [--since ISO]
                    [--auth bearer|basic|header|none] [--user U] [--header H] [--page-size N] --case FILE
                                                                configure a vendor API source (never the token itself)
  auditlens source add NAME --s3 s3://BUCKET/PREFIX [--endpoint URL] [--region R] [--profile P] [--pattern GLOB]
                    [--since ISO] [--until ISO] [--validate [--public-key FILE]] --case FILE
                                                                configure an S3 source (AWS default chain or profile)
  auditlens pull    NAME --case FILE [--poll SECONDS]           pull an API or S3 source (only what is new)
  auditlens journal --case FILE [--verify]                      the case journal; --verify checks its hash chain
  auditlens purge   --case FILE [--retention 90d|13m] [--dry-run]   delete events older than the case's retention
                    policy (default 13 months, at least 60 days) with their annotations; journaled
  auditlens annotations import FILE.jsonl --case FILE            re-apply an export's stars, tags and comments
  auditlens pack    --case FILE --type access-review|change-management|incident-response|custom
                    --from ISO --to ISO [QUERY] [--tagged] [--source NAME] [--sample N --seed S]
                    [--generated-at ISO] [--zone TZ] [--organization NAME] --out FILE.zip   evidence pack (BagIt zip)
  auditlens verify  PACK.zip [--sha256 HEX]                     check every hash, Payload-Oxum, CSV = JSONL;
                                                                --sha256: also the zip's recorded SHA-256
  auditlens bench   [--events N] [--runs N] [--keep DIR]       import + query benchmark with a sqlite3 reference;
                    [--only workbench]                        --only workbench: stop after the workbench tables

Query examples: 'outcome:failure action:LOGIN*'  'actor:alice@example.com time>-24h'  'ip:10.0.0.0/8 -action:LOGOUT'
Exit codes: 0 ok, 1 failure, 2 usage.`;
