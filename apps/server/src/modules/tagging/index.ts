// tagging: tag groups, tags (manual / rule / WeCom) and assignments with who, when and why.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261101_tagging.ts';
import * as m2 from './migrations/20261204_lean_tag_index.ts';

export { taggingRoutes } from './tagging.routes.ts';
export { listGroups, createGroup, createTag, assignTags, tagsOfCustomers, customerHasTag } from './tagging.service.ts';
export { copyCustomerTags, removeCustomerTags, mirrorWecomTags, wecomTagIds, tagsToPush, linkWecomIds, applyWecomAssignments, type WecomTagGroup, type TagMirrorResult } from './wecom-tags.service.ts';
export { bulkAssignTags, vacuumTagAssignments } from './bulk.service.ts';
export { emptyTagColumns, type TagColumns } from './tagging-bulk.repo.ts';
export type { TaggingTables, TagSourceName } from './tagging.tables.ts';

export const taggingMigrations: Record<string, Migration> = { '20261101_030_tagging': m1, '20261204_031_lean_tag_index': m2 };
