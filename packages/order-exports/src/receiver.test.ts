import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskedMobile, normalizeMobile, readPhones, receiverNameOf, regionOf } from './receiver.ts';

test('real mobiles normalise to 11 digits', () => {
  assert.equal(normalizeMobile('13812345678'), '13812345678');
  assert.equal(normalizeMobile("'13812345678"), '13812345678');
  assert.equal(normalizeMobile('+86 138 1234 5678'), '13812345678');
  assert.equal(normalizeMobile('0086-13812345678'), '13812345678');
  assert.equal(normalizeMobile('86 13812345678'), '13812345678');
  assert.equal(normalizeMobile('12812345678'), null); // 12x is not a mobile prefix
  assert.equal(normalizeMobile("'0512-53107475"), null); // landline
  assert.equal(normalizeMobile('18877771111-123'), null); // virtual number with extension: not the buyer's
  assert.equal(normalizeMobile('AC5CCC66557'), null);
});

test('a full mobile is kept and masked; masked and ciphertext are not phones', () => {
  assert.deepEqual(readPhones('13812345678'), { phone: '13812345678', receiverPhoneMasked: '138****5678' });
  assert.deepEqual(readPhones('1******6198'), { phone: null, receiverPhoneMasked: '1******6198' });
  assert.deepEqual(readPhones('138****5678'), { phone: null, receiverPhoneMasked: '138****5678' });
  assert.deepEqual(readPhones('1*********5'), { phone: null, receiverPhoneMasked: '1*********5' });
  for (const cipher of ['$Y/YKpKSij9Re$AgAAAAKj5K0G=$0$$', '##密文', '$$密文', '~AgAAAAKj5K0F=~e3T2WeW7~0~~', 'AC5CCC66557', '**********']) {
    assert.deepEqual(readPhones(cipher), { phone: null, receiverPhoneMasked: null }, cipher);
  }
  assert.equal(maskedMobile('1380000'), null);
});

test('联系手机 wins over 联系电话; a mobile in 联系电话 is still found', () => {
  assert.equal(readPhones('13900001111', "'13812345678").phone, '13900001111');
  assert.equal(readPhones(null, "'13812345678").phone, '13812345678');
  assert.deepEqual(readPhones('AC5CCC66557', "'0512-53107475"), { phone: null, receiverPhoneMasked: null });
  assert.deepEqual(readPhones('138****5678', '13900001111'), { phone: '13900001111', receiverPhoneMasked: '139****1111' });
});

test('receiver names: masked kept, ciphertext dropped', () => {
  assert.equal(receiverNameOf('林*坤'), '林*坤');
  assert.equal(receiverNameOf('##密文'), null);
  assert.equal(receiverNameOf('~AgAAAA~'), null);
  assert.equal(receiverNameOf(null), null);
});

test('Taobao addresses split into 省/市/区 and never keep the street', () => {
  const r = regionOf('广东省 广州市 越秀区 华乐街道环市东路华侨新村光明路28号3a楼（即原文化假日酒店，后易名新光明28酒店）(510620)');
  assert.deepEqual(r, { province: '广东省', city: '广州市', district: '越秀区' });
  assert.deepEqual(regionOf('广东省 东莞市  石龙镇华乐街10号（汕头牛筋丸）(513000)'), { province: '广东省', city: '东莞市', district: null });
  assert.deepEqual(regionOf('重庆 重庆市 酉阳土家族苗族自治县  龙潭镇   电信局对面'), { province: '重庆', city: '重庆市', district: '酉阳土家族苗族自治县' });
  assert.deepEqual(regionOf('内蒙古自治区'), { province: '内蒙古自治区', city: null, district: null });
  assert.deepEqual(regionOf('上海'), { province: '上海', city: null, district: null });
  assert.deepEqual(regionOf('北京 北京市 朝阳区'), { province: '北京', city: '北京市', district: '朝阳区' });
  assert.deepEqual(regionOf('湖北省 仙桃市 杨林尾一中'), { province: '湖北省', city: '仙桃市', district: null });
});

test('addresses without spaces (JD 客户地址) are cut by administrative suffixes', () => {
  assert.deepEqual(regionOf('北京朝阳区三环到四环之间某小区3号楼'), { province: '北京', city: '北京市', district: '朝阳区' });
  assert.deepEqual(regionOf('广东广州市天河区体育西路1号'), { province: '广东', city: '广州市', district: '天河区' });
  assert.deepEqual(regionOf('浙江省杭州市西湖区文三路100号'), { province: '浙江省', city: '杭州市', district: '西湖区' });
  assert.deepEqual(regionOf('某某大厦 3楼'), { province: null, city: null, district: null });
  assert.deepEqual(regionOf(null), { province: null, city: null, district: null });
});
