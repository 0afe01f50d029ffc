// Ids are text UUIDv7, generated in the app: time-ordered (good for keyset paging and B-tree
// locality) and safe to create before the row exists (events, idempotency).
import { uuidv7 } from 'uuidv7';

export const newId = (): string => uuidv7();
