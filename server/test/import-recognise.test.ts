import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isCategoryId } from '@hotline-sim/shared';
import {
  FALLBACK_CATEGORY,
  KEYWORD_CATEGORIES,
  categoryByKeywords,
  channelByKeywords,
  importCsv,
  inferLayout,
  parseCreatedTime,
  parseMapping,
  readPoint,
} from '../src/import';

const importText = (text: string) => importCsv(Readable.from([text]));

/** San Francisco's SF311 case export (DataSF), its columns as published, a few rows written for the test. */
const SF = [
  'CaseID,Opened,Closed,Updated,Status,Status Notes,Responsible Agency,Category,Request Type,Request Details,Address,Supervisor District,Neighborhood,Point,Source,Media URL',
  '5606373,01/01/2016 12:00:07 AM,01/01/2016 02:10:44 AM,01/01/2016 02:10:44 AM,Closed,Case Resolved,DPW Ops Queue,Street and Sidewalk Cleaning,Sidewalk_Cleaning,Garbage,"1 MARKET ST, SAN FRANCISCO, CA, 94105",6,Financial District,"(37.7942, -122.3951)",Voice In,',
  '5606374,01/01/2016 12:03:10 AM,,01/02/2016 09:00:00 AM,Open,,DPW Ops Queue,Graffiti,Graffiti,Graffiti on Pole,"Intersection of 16TH ST and MISSION ST",9,Mission,"(37.7650, -122.4195)",Open311,',
  '5606375,01/01/2016 12:10:00 AM,,,Open,,PUC Streetlights Queue,Streetlights,Streetlight,Light_Out,"200 PAGE ST",5,Hayes Valley,"(37.7740, -122.4240)",Web Self Service,',
  '5606376,01/01/2016 12:20:00 AM,,,Open,,DPW BSM Queue,Street Defects,Pavement_Defect,Pothole,"300 GROVE ST",5,Hayes Valley,"(37.7780, -122.4210)",Voice In,',
  '5606377,01/01/2016 12:30:00 AM,,,Open,,Recology_Abandoned,Street and Sidewalk Cleaning,Illegal_Dumping,Mattress,"400 OAK ST",5,Hayes Valley,,Twitter,',
].join('\n');

/** An older NYC 311 layout: 52 columns, no `Open Data Channel Type`. */
const OLD_NYC_HEADER = [
  'Unique Key',
  'Created Date',
  'Closed Date',
  'Agency',
  'Agency Name',
  'Complaint Type',
  'Descriptor',
  'Location Type',
  'Incident Zip',
  'Incident Address',
  'Street Name',
  'Cross Street 1',
  'Cross Street 2',
  'Intersection Street 1',
  'Intersection Street 2',
  'Address Type',
  'City',
  'Landmark',
  'Facility Type',
  'Status',
  'Due Date',
  'Resolution Action Updated Date',
  'Community Board',
  'Borough',
  'X Coordinate (State Plane)',
  'Y Coordinate (State Plane)',
  'Park Facility Name',
  'Park Borough',
  'School Name',
  'School Number',
  'School Region',
  'School Code',
  'School Phone Number',
  'School Address',
  'School City',
  'School State',
  'School Zip',
  'School Not Found',
  'School or Citywide Complaint',
  'Vehicle Type',
  'Taxi Company Borough',
  'Taxi Pick Up Location',
  'Bridge Highway Name',
  'Bridge Highway Direction',
  'Road Ramp',
  'Bridge Highway Segment',
  'Garage Lot Name',
  'Ferry Direction',
  'Ferry Terminal Name',
  'Latitude',
  'Longitude',
  'Location',
];

function oldNycRow(created: string, type: string, descriptor: string, lat: string, lon: string): string {
  const row: string[] = OLD_NYC_HEADER.map(() => '');
  const set = (column: string, value: string) => (row[OLD_NYC_HEADER.indexOf(column)] = value);
  set('Unique Key', '26589651');
  set('Created Date', created);
  set('Agency', 'NYPD');
  set('Complaint Type', type);
  set('Descriptor', descriptor);
  set('Latitude', lat);
  set('Longitude', lon);
  return row.join(',');
}

describe('layouts recognised by their columns, without a mapping file', () => {
  it('reads an older 52-column NYC export', async () => {
    expect(OLD_NYC_HEADER).toHaveLength(52);
    const text = [
      OLD_NYC_HEADER.join(','),
      oldNycRow('10/31/2013 02:08:41 AM', 'Noise - Street/Sidewalk', 'Loud Talking', '40.7081', '-73.7916'),
      oldNycRow(
        '10/31/2013 02:01:04 AM',
        'Illegal Parking',
        'Commercial Overnight Parking',
        '40.7219',
        '-73.9090',
      ),
      oldNycRow('10/31/2013 02:00:24 AM', 'Derelict Vehicle', 'With License Plate', '', ''),
    ].join('\n');
    const result = await importText(text);
    expect(result.layout).toBe('recognised');
    expect(result.columns).toMatch(/created "Created Date", type "Complaint Type" \/ "Descriptor"/);
    expect(result.imported).toBe(3);
    expect(result.byCategory).toEqual([
      ['illegal-parking', 2],
      ['noise-nuisance', 1],
    ]);
    expect(result.withoutLocation).toBe(1);
  });

  it('reads a San Francisco export: types, its (lat, lon) Point and its channels', async () => {
    const result = await importText(SF);
    expect(result.layout).toBe('recognised');
    expect(result.columns).toMatch(/type "Request Type" \/ "Category", point "Point", channel "Source"/);
    expect(result.columns).toMatch(/closed "Closed", agency "Responsible Agency"/);
    expect(result.unmappedTypes).toEqual([]);
    expect(Object.fromEntries(result.byCategory)).toEqual({ garbage: 2, 'municipal-facilities': 3 });
    expect(result.trace[0]).toEqual({
      at: 7,
      category: 'garbage',
      lat: 37.7942,
      lon: -122.3951,
      channel: 'phone',
    });
    expect(result.withoutLocation).toBe(1);
    expect(result.unknownChannels).toEqual([]);
    expect(result.byChannel).toEqual({ phone: 2, web: 2, app: 1, grid: 0, none: 0 });
  });

  it('reads Chinese column names', async () => {
    const text = [
      '工单编号,受理时间,诉求类型,经度,纬度,受理渠道,承办单位',
      '1,2024-03-01 08:15:00,占道停车,116.397,39.909,12345热线电话,东城区城管委',
      '2,2024-03-01 08:20:00,小区垃圾清运不及时,116.401,39.912,网站,东城区城管委',
    ].join('\n');
    const result = await importText(text);
    expect(result.columns).toBe(
      'created "受理时间", type "诉求类型", lat "纬度", lon "经度", channel "受理渠道", agency "承办单位"',
    );
    expect(result.trace.map((e) => [e.category, e.channel, e.lat])).toEqual([
      ['illegal-parking', 'phone', 39.909],
      ['garbage', 'web', 39.912],
    ]);
  });

  it('reads a combined point named by a mapping file, and its keywords still apply', async () => {
    const layout = parseMapping(
      JSON.stringify({
        name: 'sf',
        created: { column: 'Opened', format: 'mdy-12h' },
        type: 'Request Type',
        point: 'Point',
      }),
      'sf.json',
    );
    const result = await importCsv(Readable.from([SF]), { layout });
    expect(result.layout).toBe('sf');
    expect(result.unmappedTypes).toEqual([]);
    expect(result.withoutLocation).toBe(1);
  });

  it('names what it could not find, with the header', async () => {
    await expect(importText('id,when,where\n1,2,3\n')).rejects.toThrow(
      /^unknown layout \(header: id, when, where\): no created-time column \(such as Created Date, Opened, open_dt\) and no request-type column/,
    );
    expect(() => inferLayout(['Created Date', 'Address'])).toThrow(/no request-type column/);
  });
});

describe('keywords', () => {
  it('give only catalogue categories, never the catch-all', () => {
    for (const id of KEYWORD_CATEGORIES) expect(isCategoryId(id), id).toBe(true);
    expect(KEYWORD_CATEGORIES).not.toContain(FALLBACK_CATEGORY);
  });

  it('map English and Chinese request types', () => {
    const cases: [string, string][] = [
      ['Sidewalk_Cleaning', 'garbage'],
      ['Illegal_Dumping', 'garbage'],
      ['Graffiti', 'municipal-facilities'],
      ['Streetlight', 'municipal-facilities'],
      ['Pavement_Defect', 'municipal-facilities'],
      ['Rodent Baiting', 'pests'],
      ['Tree Trims', 'greening'],
      ['Sewer Cave-In', 'waterlogging'],
      ['Construction Noise After Hours', 'construction-noise'],
      ['路灯不亮', 'municipal-facilities'],
      ['小区垃圾清运不及时', 'garbage'],
      ['夜间施工噪音扰民', 'construction-noise'],
      ['占道停车', 'illegal-parking'],
      ['暖气不热', 'heating'],
    ];
    for (const [type, category] of cases) expect(categoryByKeywords(type), type).toBe(category);
    expect(categoryByKeywords('Other')).toBeUndefined();
  });

  it('know common channel names', () => {
    const cases: [string, string | null][] = [
      ['Voice In', 'phone'],
      ['Phone Call', 'phone'],
      ['Open311', 'app'],
      ['Mobile App', 'app'],
      ['Web Self Service', 'web'],
      ['Internet', 'web'],
      ['Email', 'web'],
      ['Social Media', 'web'],
      ['City Worker App', 'grid'],
      ['Walk-in', null],
      ['12345热线电话', 'phone'],
    ];
    for (const [value, channel] of cases) expect(channelByKeywords(value), value).toBe(channel);
  });
});

describe('created times of recognised layouts', () => {
  it('are ISO, US month-first (12- or 24-hour) or Unix time', () => {
    const day = Date.UTC(2022, 4, 1) / 1000;
    expect(parseCreatedTime('2022-05-01T00:00:03', 'auto')).toBe(day + 3);
    expect(parseCreatedTime('05/01/2022 12:00:03 AM', 'auto')).toBe(day + 3);
    expect(parseCreatedTime('05/01/2022 13:00', 'auto')).toBe(day + 13 * 3600);
    expect(parseCreatedTime('1651363203', 'auto')).toBe(day + 3);
    expect(parseCreatedTime('1651363203000', 'auto')).toBe(day + 3);
    expect(parseCreatedTime('31/05/2022 13:00', 'auto')).toBeUndefined();
  });
});

describe('combined point columns', () => {
  it('read (lat, lon) and WKT POINT (lon lat); anything else is no location', () => {
    expect(readPoint('(37.7942, -122.3951)')).toEqual({ lat: 37.7942, lon: -122.3951 });
    expect(readPoint('POINT (-122.3951 37.7942)')).toEqual({ lat: 37.7942, lon: -122.3951 });
    expect(readPoint('1 MARKET ST')).toBeNull();
    expect(readPoint('(137.79, -122.39)')).toBe('bad');
  });
});
