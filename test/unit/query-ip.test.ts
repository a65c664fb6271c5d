import { describe, expect, it } from 'vitest';
import { cidrRange, ipToKey } from '../../shared/query/ip.js';

const MAPPED = '00000000000000000000ffff';

describe('ipToKey', () => {
  it('maps IPv4 into ::ffff:0:0/96 as 32 lowercase hex digits', () => {
    expect(ipToKey('10.1.2.3')).toBe(`${MAPPED}0a010203`);
    expect(ipToKey('255.255.255.255')).toBe(`${MAPPED}ffffffff`);
    expect(ipToKey('0.0.0.0')).toBe(`${MAPPED}00000000`);
  });

  it('gives IPv4 and IPv4-mapped IPv6 the same key, in every spelling', () => {
    const key = ipToKey('1.2.3.4');
    expect(ipToKey('::ffff:1.2.3.4')).toBe(key);
    expect(ipToKey('::FFFF:1.2.3.4')).toBe(key);
    expect(ipToKey('::ffff:102:304')).toBe(key);
    expect(ipToKey('0:0:0:0:0:ffff:0102:0304')).toBe(key);
  });

  it('expands compressed IPv6 forms', () => {
    expect(ipToKey('2001:db8::1')).toBe('20010db8000000000000000000000001');
    expect(ipToKey('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe(ipToKey('2001:db8::1'));
    expect(ipToKey('::')).toBe('0'.repeat(32));
    expect(ipToKey('::1')).toBe(`${'0'.repeat(31)}1`);
    expect(ipToKey('fe80::')).toBe(`fe80${'0'.repeat(28)}`);
    expect(ipToKey('1:2:3:4:5:6:7::')).toBe('00010002000300040005000600070000');
    expect(ipToKey('1:2:3:4:5:6:1.2.3.4')).toBe('00010002000300040005000601020304');
  });

  it('ignores brackets and zone ids, which do not change the host', () => {
    expect(ipToKey('[2001:db8::1]')).toBe(ipToKey('2001:db8::1'));
    expect(ipToKey('fe80::1%eth0')).toBe(ipToKey('fe80::1'));
    expect(ipToKey(' 10.0.0.1 ')).toBe(ipToKey('10.0.0.1'));
  });

  it('returns null for anything that is not one address', () => {
    for (const bad of [
      '', '1.2.3', '1.2.3.4.5', '1.2.3.256', '01.2.3.4', '1.2.3.-4', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::',
      '1::2::3', ':::', 'gggg::1', '12345::', '1.2.3.4::', '::1.2.3', 'cloudtrail.amazonaws.com', '10.0.0.0/8',
      '2001:db8::/32', 'localhost',
    ]) {
      expect(ipToKey(bad), bad).toBeNull();
    }
  });

  it('orders keys like the addresses they encode', () => {
    const ascending = [
      '0.0.0.1', '9.255.255.255', '10.0.0.0', '10.0.0.10', '10.0.1.0', '192.168.0.1', '2001:db8::', 'fe80::1',
    ];
    const keys = ascending.map((ip) => ipToKey(ip)!);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('cidrRange', () => {
  it('covers an IPv4 block inside the mapped range', () => {
    expect(cidrRange('10.0.0.0/8')).toEqual({ lo: `${MAPPED}0a000000`, hi: `${MAPPED}0affffff` });
    expect(cidrRange('172.16.0.0/12')).toEqual({ lo: `${MAPPED}ac100000`, hi: `${MAPPED}ac1fffff` });
    expect(cidrRange('0.0.0.0/0')).toEqual({ lo: `${MAPPED}00000000`, hi: `${MAPPED}ffffffff` });
  });

  it('gives the same block for the IPv4-mapped IPv6 spelling', () => {
    expect(cidrRange('::ffff:10.0.0.0/104')).toEqual(cidrRange('10.0.0.0/8'));
  });

  it('covers IPv6 blocks at any prefix length', () => {
    expect(cidrRange('2001:db8::/32')).toEqual({ lo: `20010db8${'0'.repeat(24)}`, hi: `20010db8${'f'.repeat(24)}` });
    expect(cidrRange('::/0')).toEqual({ lo: '0'.repeat(32), hi: 'f'.repeat(32) });
    expect(cidrRange('2001:db8::/33')).toEqual({ lo: `20010db8${'0'.repeat(24)}`, hi: `20010db87${'f'.repeat(23)}` });
  });

  it('ignores host bits below the prefix', () => {
    expect(cidrRange('10.1.2.3/8')).toEqual(cidrRange('10.0.0.0/8'));
    expect(cidrRange('2001:db8::ff/120')).toEqual(cidrRange('2001:db8::/120'));
  });

  it('treats a plain address or a full-length prefix as a block of one', () => {
    const key = ipToKey('1.2.3.4');
    expect(cidrRange('1.2.3.4')).toEqual({ lo: key, hi: key });
    expect(cidrRange('1.2.3.4/32')).toEqual({ lo: key, hi: key });
    expect(cidrRange('::1/128')).toEqual({ lo: ipToKey('::1'), hi: ipToKey('::1') });
  });

  it('contains exactly the addresses of the block', () => {
    const block = cidrRange('192.168.4.0/22')!;
    const inside = (ip: string) => {
      const key = ipToKey(ip)!;
      return key >= block.lo && key <= block.hi;
    };
    expect(['192.168.4.0', '192.168.5.17', '192.168.7.255', '::ffff:192.168.6.1'].every(inside)).toBe(true);
    expect(['192.168.3.255', '192.168.8.0', '2001:db8::1'].some(inside)).toBe(false);
  });

  it('returns null for malformed blocks', () => {
    const bad = ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8/8', '10.0.0/8', '/8', '1.2.3.4/8a'];
    for (const text of bad) {
      expect(cidrRange(text), text).toBeNull();
    }
  });
});
