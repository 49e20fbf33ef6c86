import { loadBeijing, type RunInfo } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Locator } from '../src/open311/locate';
import { ROADS } from '../src/open311/roads';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 10: `address_string` finds districts, streets/townships and roads anywhere in the
 * string, in Chinese or pinyin, and answers the nearest community; before, only a full community or
 * street name matched (`朝阳区三里屯路19号` was a 400).
 */

const city = loadBeijing();
const locator = new Locator(city);

const streetId = (district: string, street: string) =>
  city.streets.find((s) => s.name === street && city.districtById.get(s.districtId)?.name === district)?.id;

/** The community an address lands in, with its street and district names. */
function place(address: string) {
  const cell = city.cells[locator.byAddress(address)];
  if (!cell) return undefined;
  return {
    cell,
    street: city.streetById.get(cell.streetId)?.name,
    district: city.districtById.get(cell.districtId)?.name,
  };
}

type Cell = (typeof city.cells)[number];

/** The cell of `cells` nearest (lat, lon), distances east-west scaled by cos(latitude). */
function nearestTo(lat: number, lon: number, cells: readonly Cell[]): Cell | undefined {
  const k = Math.cos((lat * Math.PI) / 180);
  const d = (c: Cell) => ((c.lon - lon) * k) ** 2 + (c.lat - lat) ** 2;
  return [...cells].sort((a, b) => d(a) - d(b))[0];
}

/** The community of a street nearest its centroid: what a street or road alone answers. */
function nearestOfStreet(id: string) {
  const s = city.streetById.get(id);
  return nearestTo(s?.lat ?? 0, s?.lon ?? 0, city.cellsByStreet.get(id) ?? []);
}

describe('address_string: districts, streets and roads in Chinese or pinyin (issue 13, point 10)', () => {
  it('finds the three addresses of the issue: a road with a house number, a full postal address, pinyin', () => {
    const sanlitun = streetId('朝阳区', '三里屯街道') ?? '';
    expect(place('朝阳区三里屯路19号')?.cell).toBe(nearestOfStreet(sanlitun));
    expect(place('Sanlitun, Chaoyang District, Beijing')?.cell).toBe(nearestOfStreet(sanlitun));
    // 东长安街 runs through 东华门街道 (Tiananmen).
    const east = place('北京市东城区东长安街1号');
    expect(east?.street).toBe('东华门街道');
    expect(east?.cell).toBe(nearestOfStreet(streetId('东城区', '东华门街道') ?? ''));
  });

  it('reads pinyin however it is spaced and suffixed', () => {
    for (const address of [
      'Sanlitun Road',
      'san li tun lu, chaoyang qu',
      'Sanlitun Subdistrict',
      'SANLITUN JIEDAO',
    ])
      expect(place(address)?.street, address).toBe('三里屯街道');
    expect(place('No. 19 Jinrong Jie, Xicheng')?.street).toBe('金融街街道');
    expect(place('Financial Street')?.street).toBe('金融街街道');
    expect(place("East Chang'an Avenue")?.street).toBe('东华门街道');
    expect(place('Zhongguancun Dajie 27, Haidian')?.street).toBe('中关村街道');
  });

  it('answers the community nearest the seat for a district alone, in Chinese or English', () => {
    for (const [address, name] of <[string, string][]>[
      ['海淀区', '海淀区'],
      ['海淀', '海淀区'],
      ['Haidian District, Beijing 100080', '海淀区'],
      ['Yanqing', '延庆区'],
      // 丰台 is both the district and 丰台街道's stem: the bare name means the district.
      ['丰台', '丰台区'],
    ]) {
      const d = city.districts.find((x) => x.name === name);
      const got = place(address);
      expect(got?.district, address).toBe(name);
      expect(got?.cell, address).toBe(
        nearestTo(d?.lat ?? 0, d?.lon ?? 0, city.cellsByDistrict.get(d?.id ?? '') ?? []),
      );
    }
    expect(place('丰台街道')?.street).toBe('丰台街道');
  });

  it('finds a road alone, and the longest name wins where names overlap', () => {
    expect(place('王府井大街')?.street).toBe('东华门街道');
    expect(place('Wangfujing Street')?.street).toBe('东华门街道');
    // 朝阳门外大街 is in Chaoyang (朝外), not 东城's 朝阳门街道, nor the district 朝阳 it begins with.
    expect(place('朝阳门外大街')?.street).toBe('朝外街道');
    expect(place('朝阳门')?.street).toBe('朝阳门街道');
    // A road that is a street's stem plus 路 needs no entry of its own.
    expect(place('酒仙桥路')?.street).toBe('酒仙桥街道');
    expect(place('天通苑')?.street).toBe('天通苑南街道');
  });

  it('uses the district to tell namesake streets apart, and a community inside what else is named', () => {
    expect(place('海淀区八里庄街道')?.district).toBe('海淀区');
    expect(place('Balizhuang, Haidian District')?.district).toBe('海淀区');
    expect(place('朝阳区八里庄')?.district).toBe('朝阳区');
    const duofu = city.cells.find((c) => c.name === '多福巷社区居委会');
    expect(place('东城区多福巷社区')?.cell).toBe(duofu);
    expect(place('Duofuxiang Community')?.cell).toBe(duofu);
    expect(place('多福巷')?.cell).toBe(duofu);
    // The same community named with a district it is not in is a namesake: the district answers.
    expect(place('海淀区多福巷社区')?.district).toBe('海淀区');
  });

  it('finds the place in a mixed string with noise, punctuation and numbers', () => {
    const got = place('您好！请到 朝阳门外大街88号院3号楼2单元 看看，路灯坏了三天了 (Chaoyang)');
    expect(got?.street).toBe('朝外街道');
    expect(
      place('Pothole outside No. 19, Sanlitun Lu, Chaoyang District, Beijing 100027, China')?.street,
    ).toBe('三里屯街道');
  });

  it('answers -1 for strings that name no place of the city', () => {
    for (const address of [
      'xyzzy plugh',
      '北京市',
      '火星基地',
      'please fix the light near the gate',
      '我家楼下的路灯不亮了',
      '',
    ])
      expect(locator.byAddress(address), address).toBe(-1);
  });

  it('has every road of the table on a street of the city (the locator refuses to start otherwise)', () => {
    for (const road of ROADS) {
      for (const ref of road.streets) {
        const [district, street] = ref.split('/');
        expect(streetId(district ?? '', street ?? ''), `${road.name} → ${ref}`).toBeDefined();
      }
      expect(place(road.name)?.street, road.name).toBe(road.streets[0]?.split('/')[1]);
      expect(place(road.pinyin)?.street, road.pinyin).toBe(road.streets[0]?.split('/')[1]);
    }
  });
});

describe('address_string over HTTP', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let key: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario: liveTestScenario(), speed: 1 } }))
      .body;
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'addresses' } })).body
      .key;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const post = (address: string) =>
    fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        jurisdiction_id: run.id,
        service_code: 'noise-nuisance',
        address_string: address,
      }).toString(),
    });

  it('files 朝阳区三里屯路19号 in 三里屯街道 and keeps the address as written', async () => {
    const res = await post('朝阳区三里屯路19号');
    expect(res.status).toBe(201);
    const token = ((await res.json()) as [{ token: string }])[0].token;
    type Req = {
      address: string;
      extended_attributes: { district: string; street: string; community: string };
    };
    const request = await waitFor('the request to be readable', async () => {
      const t = await fetch(`${server.url}/open311/v2/tokens/${token}.json`);
      const id = ((await t.json()) as [{ service_request_id: string | null }])[0].service_request_id;
      if (!id) return undefined;
      const r = await fetch(`${server.url}/open311/v2/requests/${id}.json?extensions=true&api_key=${key}`);
      return r.status === 200 ? ((await r.json()) as Req[])[0] : undefined;
    });
    const expected = nearestOfStreet(streetId('朝阳区', '三里屯街道') ?? '');
    expect(request.address).toBe('朝阳区三里屯路19号');
    expect(request.extended_attributes.district).toBe('朝阳区');
    expect(request.extended_attributes.street).toBe('三里屯街道');
    expect(request.extended_attributes.community).toBe(expected?.name);
  });

  it('answers 400 naming the address and suggesting lat and long when it names no place', async () => {
    const res = await post('Nowhere Lane 7, Atlantis');
    expect(res.status).toBe(400);
    const [error] = (await res.json()) as [{ description: string }];
    expect(error.description).toContain('"Nowhere Lane 7, Atlantis"');
    expect(error.description).toContain('names no community, street/township, road or district of Beijing');
    expect(error.description).toContain('lat and long');
  });
});
