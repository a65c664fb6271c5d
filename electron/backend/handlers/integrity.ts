import {
  integritySummary, listGaps, listProblemDigests, listS3Objects, s3ObjectFor,
} from '../store/queries/s3-objects.js';
import type { HandlerMap } from './types.js';

/** S3 provenance and CloudTrail integrity verdicts (written by `import s3://... --validate`). */
export const integrityHandlers: HandlerMap<'integrity:list' | 'integrity:object'> = {
  'integrity:list': ({ status, limit }, ctx) => ({
    summary: integritySummary(ctx.db),
    objects: listS3Objects(ctx.db, status, limit),
    gaps: listGaps(ctx.db, limit),
    digests: listProblemDigests(ctx.db, limit),
  }),
  'integrity:object': ({ object, sha256 }, ctx) => (object.startsWith('s3://') ? s3ObjectFor(ctx.db, object, sha256) : null),
};
