import type { Department } from '@siyu/contracts';

export type DeptNode = Department & { children: DeptNode[] };

/** The server sends departments flat (parentId); nest them here, ordered by sortOrder then name. */
export function buildDeptTree(depts: Department[]): DeptNode[] {
  const byId = new Map<string, DeptNode>(depts.map((d) => [d.id, { ...d, children: [] }]));
  const roots: DeptNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    // An orphan (parent deleted or outside the data scope) still shows, at the top level.
    (parent ? parent.children : roots).push(node);
  }
  const sort = (nodes: DeptNode[]) => {
    nodes.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The department and everything below it: staff of a sub-department belong to the parent too. */
export function subtreeIds(depts: Department[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of depts) {
    if (!d.parentId) continue;
    children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue; // guards against a cycle in bad data
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export type DeptTreeSelectNode = { value: string; title: string; children: DeptTreeSelectNode[] };

export function toTreeSelect(nodes: DeptNode[]): DeptTreeSelectNode[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toTreeSelect(n.children) }));
}
