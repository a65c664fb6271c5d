import { z } from 'zod';
import { EventAnnotationsSchema, TagNameSchema, TagSummarySchema } from './annotations.js';

/**
 * Correcting annotations (issue 5, item 7): edit or delete one's own comment, rename or delete a tag. Nothing is
 * silently lost: an edit keeps every earlier text (the comment's history), a deletion hides the comment from the
 * event, searches and exports while the case journal keeps what was deleted, by whom and when.
 */

const CommentId = z.number().int().positive();
export const CommentTextSchema = z.string().trim().min(1).max(10_000);

/** One text a comment has had, oldest first; the last one is the current text (`replacedAt` null). */
export const CommentVersionSchema = z.object({
  version: z.number().int(),
  text: z.string(),
  /** Who wrote this text: the comment's author (only the author may edit). */
  author: z.string(),
  writtenAt: z.string(),
  replacedAt: z.string().nullable(),
});
export type CommentVersion = z.infer<typeof CommentVersionSchema>;

export const CommentHistorySchema = z.object({
  commentId: z.number().int(),
  eventId: z.string(),
  versions: z.array(CommentVersionSchema),
});
export type CommentHistory = z.infer<typeof CommentHistorySchema>;

export const TagDeletionSchema = z.object({ name: z.string(), events: z.number().int() });
export type TagDeletion = z.infer<typeof TagDeletionSchema>;

export const annotationCorrectionChannels = {
  /** Replaces the text of one's own comment; the previous text stays in its history. */
  'annotations:comment-edit': { input: z.object({ commentId: CommentId, text: CommentTextSchema }), output: EventAnnotationsSchema },
  /** Removes one's own comment from its event (journaled with its full text and history). */
  'annotations:comment-delete': { input: z.object({ commentId: CommentId }), output: EventAnnotationsSchema },
  'annotations:comment-history': { input: z.object({ commentId: CommentId }), output: CommentHistorySchema },
  /** Renames a tag everywhere it is used; the new name must not belong to another tag. */
  'tags:rename': { input: z.object({ name: TagNameSchema, newName: TagNameSchema }), output: TagSummarySchema },
  /**
   * Deletes a tag definition and removes it from every event carrying it. `events` is the count the analyst
   * confirmed: when the tag is on a different number of events now, nothing is deleted and the error says so.
   */
  'tags:delete': { input: z.object({ name: TagNameSchema, events: z.number().int().min(0) }), output: TagDeletionSchema },
} as const;
