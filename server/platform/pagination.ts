import { z } from 'zod';

/** Every list is bounded: at most 100 items a page. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
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
