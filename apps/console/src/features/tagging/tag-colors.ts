// antd's preset palette: readable on white, and the server stores the name as is (≤ 20 chars).
// Hex colors from WeCom-synced tags render too, since antd <Tag color> takes either.
export const TAG_COLORS = ['magenta', 'red', 'volcano', 'orange', 'gold', 'lime', 'green', 'cyan', 'blue', 'geekblue', 'purple'] as const;

export function tagColor(color: string | null | undefined): string | undefined {
  return color || undefined;
}
