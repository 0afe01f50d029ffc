import { test } from 'node:test';
import assert from 'node:assert/strict';
import { avatarColor, avatarSrc, initialsOf } from './avatar.ts';

test('WeCom http avatars load over https; nothing else odd is loaded', () => {
  assert.equal(avatarSrc('http://wx.qlogo.cn/mmhead/abc/0'), 'https://wx.qlogo.cn/mmhead/abc/0');
  assert.equal(avatarSrc('HTTP://wx.qlogo.cn/x'), 'https://wx.qlogo.cn/x');
  assert.equal(avatarSrc('https://wx.qlogo.cn/x'), 'https://wx.qlogo.cn/x');
  assert.equal(avatarSrc('/avatars/1.png'), '/avatars/1.png');
  assert.equal(avatarSrc(''), null);
  assert.equal(avatarSrc(null), null);
  assert.equal(avatarSrc('javascript:alert(1)'), null);
});

test('initials: a Chinese name, a Latin name, an emoji nickname, nothing', () => {
  assert.equal(initialsOf('王小芳'), '王');
  assert.equal(initialsOf(' ada lovelace '), 'AL');
  assert.equal(initialsOf('Grace'), 'G');
  assert.equal(initialsOf('👨‍👩‍👧 一家'), '👨‍👩‍👧');
  assert.equal(initialsOf(''), '?');
  assert.equal(avatarColor('王小芳'), avatarColor('王小芳'));
});
