// What the customers module uses from tagging (through tagging's only door).
export { tagsOfCustomers, customerHasTag, assignTags } from '../tagging/index.ts';
export type { Actor } from '../tenancy/index.ts';
