import { z } from 'zod';

export const TagSource = z.enum(['manual', 'rule', 'wecom']);
export type TagSource = z.infer<typeof TagSource>;

export const Tag = z.object({
  id: z.string(),
  groupId: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  source: TagSource,
  customerCount: z.number().int(),
});
export type Tag = z.infer<typeof Tag>;

export const TagGroup = z.object({
  id: z.string(),
  name: z.string(),
  source: TagSource,
  sortOrder: z.number().int(),
  tags: z.array(Tag),
});
export type TagGroup = z.infer<typeof TagGroup>;

export const TagGroupInput = z.object({
  name: z.string().trim().min(1).max(30),
  sortOrder: z.number().int().optional(),
});
export const TagInput = z.object({
  groupId: z.string(),
  name: z.string().trim().min(1).max(30),
  color: z.string().max(20).nullable().optional(),
});
export const TagUpdateInput = z.object({
  name: z.string().trim().min(1).max(30).optional(),
  color: z.string().max(20).nullable().optional(),
});

// A tag on one customer, with who put it there, when and why.
export const CustomerTag = z.object({
  tagId: z.string(),
  name: z.string(),
  groupName: z.string(),
  color: z.string().nullable(),
  source: TagSource,
  assignedBy: z.string().nullable(),
  assignedByName: z.string().nullable(),
  reason: z.string().nullable(),
  assignedAt: z.string(),
});
export type CustomerTag = z.infer<typeof CustomerTag>;

export const AssignTagsInput = z.object({
  add: z.array(z.string()).default([]),
  remove: z.array(z.string()).default([]),
  reason: z.string().max(200).optional(),
});
export type AssignTagsInput = z.infer<typeof AssignTagsInput>;
