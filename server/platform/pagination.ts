import { z } from 'zod';
import { int32Max } from './input-bounds.ts';

/** Every list is bounded: at most 100 items a page. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(int32Max).default(1).describe('Page number, from 1'),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).describe('Items per page, at most 100'),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T>(items: T[], total: number, query: PageQuery) {
  return { items, page: query.page, pageSize: query.pageSize, total, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    pageCount: z.number().int(),
  });
}

export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}

/** A cursor for logs paged newest first by (time, id): the time and id of the last item shown, "<ISO time>_<uuid>". */
export const timeIdCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'field:cursorFormat')
  .describe('The nextCursor of the previous page');
