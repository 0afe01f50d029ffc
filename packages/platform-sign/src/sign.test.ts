// The signing rules as the platforms document them, checked on small requests worked out by hand.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { douyinSign, kuaishouSign, sortedJson, topSign } from './index.ts';

const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');

test('TOP/JD/PDD: keys sorted, sign and empty values left out, secret on both ends, upper hex', () => {
  const params = { method: 'taobao.trades.sold.get', app_key: '123', sign: 'OLD', session: '' };
  assert.equal(topSign(params, 's3'), md5('s3app_key123methodtaobao.trades.sold.gets3').toUpperCase());
  assert.equal(topSign({ app_key: '123', method: 'taobao.trades.sold.get' }, 's3'), topSign(params, 's3'), 'key order does not matter');
});

test('Douyin: the five fields in their fixed order, lower hex; param_json with keys sorted at every level', () => {
  const param_json = sortedJson({ size: 10, b: { z: 1, a: [{ y: 2, x: 1 }] }, skip: undefined });
  assert.equal(param_json, '{"b":{"a":[{"x":1,"y":2}],"z":1},"size":10}');
  const p = { app_key: 'k', method: 'order.searchList', param_json, timestamp: '2026-11-23 10:00:00', v: '2' };
  assert.equal(douyinSign(p, 'sec'), md5(`secapp_keykmethodorder.searchListparam_json${param_json}timestamp2026-11-23 10:00:00v2sec`));
});

test('Kuaishou: k=v pairs sorted and joined by &, then &signSecret=, lower hex', () => {
  assert.equal(kuaishouSign({ method: 'open.order.cursor.list', appkey: 'a', sign: 'x' }, 'ss'), md5('appkey=a&method=open.order.cursor.list&signSecret=ss'));
});
