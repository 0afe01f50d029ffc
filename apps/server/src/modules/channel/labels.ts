// WeCom's numeric codes in the operator's words (docs/glossary.md lists them too).
const ADD_WAY: Record<number, string> = {
  0: '未知来源', 1: '扫描二维码', 2: '搜索手机号', 3: '名片分享', 4: '群聊', 5: '手机通讯录', 6: '微信联系人',
  7: '微信好友申请', 8: '第三方应用自动添加', 9: '搜索邮箱', 10: '视频号添加', 11: '日程参与人', 12: '会议参与人',
  13: '微信好友', 14: '智慧硬件专属客服', 15: '上门服务客服', 16: '获客链接', 17: '专属客服', 18: '群聊', 201: '内部成员共享', 202: '管理员/负责人分配',
};
const JOIN_SCENE: Record<number, string> = { 1: '成员直接邀请', 2: '邀请链接', 3: '扫描群二维码' };

export const addWayLabel = (n: number) => ADD_WAY[n] ?? `其他（${n}）`;
export const joinSceneLabel = (n: number | null) => (n === null ? '—' : JOIN_SCENE[n] ?? `其他（${n}）`);
