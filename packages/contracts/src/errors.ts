import { z } from 'zod';

// Every API error answers with this body; `code` is stable, `message` is Chinese for the console.
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** `:id` of every REST route: ids are UUIDv7 text, bounded so junk never reaches the database. */
export const IdParams = z.object({ id: z.string().min(1).max(64) });
