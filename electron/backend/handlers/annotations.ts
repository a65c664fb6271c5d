import { FACET_FIELDS } from '../../../shared/contract/annotations.js';
import { whereClause } from '../store/query-sql.js';
import { commentHistory, deleteComment, deleteTag, editComment, renameTag } from '../store/queries/annotation-corrections.js';
import { importAnnotations } from '../store/queries/annotation-import.js';
import {
  addComment, addTag, defineTag, getAnnotations, listTags, removeTag, setStar,
} from '../store/queries/annotations.js';
import { facets } from '../store/queries/facets.js';
import type { BackendContext } from '../context.js';
import type { HandlerMap } from './types.js';

/** Annotations change what tag:/is:starred queries, facets and table rows show: every renderer refreshes. */
function changed<T>(ctx: BackendContext, result: T): T {
  ctx.emit('case:changed', { path: ctx.caseFile, reason: 'annotated' });
  return result;
}

type AnnotationChannel =
  | 'annotations:get' | 'annotations:star' | 'annotations:tag' | 'annotations:untag' | 'annotations:comment'
  | 'annotations:import' | 'tags:define' | 'tags:list' | 'events:facets'
  | 'annotations:comment-edit' | 'annotations:comment-delete' | 'annotations:comment-history' | 'tags:rename' | 'tags:delete';

export const annotationHandlers: HandlerMap<AnnotationChannel> = {
  'annotations:get': ({ eventId }, ctx) => getAnnotations(ctx.db, eventId),
  'annotations:star': ({ eventId, starred }, ctx) => changed(ctx, setStar(ctx.db, eventId, starred)),
  'annotations:tag': ({ eventId, tag }, ctx) => changed(ctx, addTag(ctx.db, eventId, tag)),
  'annotations:untag': ({ eventId, tag }, ctx) => changed(ctx, removeTag(ctx.db, eventId, tag)),
  'annotations:comment': ({ eventId, text, author }, ctx) => changed(ctx, addComment(ctx.db, eventId, text, author)),
  'annotations:import': async ({ path }, ctx) => changed(ctx, await importAnnotations(ctx.db, path)),
  'tags:define': ({ name, description, color }, ctx) => changed(ctx, defineTag(ctx.db, name, description, color)),
  'tags:list': (_input, ctx) => listTags(ctx.db),
  'annotations:comment-edit': ({ commentId, text }, ctx) => changed(ctx, editComment(ctx.db, commentId, text)),
  'annotations:comment-delete': ({ commentId }, ctx) => changed(ctx, deleteComment(ctx.db, commentId)),
  'annotations:comment-history': ({ commentId }, ctx) => commentHistory(ctx.db, commentId),
  'tags:rename': ({ name, newName }, ctx) => changed(ctx, renameTag(ctx.db, name, newName)),
  'tags:delete': ({ name, events }, ctx) => changed(ctx, deleteTag(ctx.db, name, events)),
  'events:facets': ({ query, fields, limit, exact }, ctx) =>
    facets(ctx.db, whereClause(query, ctx.now()), fields ?? FACET_FIELDS, limit, exact),
};
