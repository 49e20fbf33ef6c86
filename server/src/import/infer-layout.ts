import { FALLBACK_CATEGORY } from './category-map';
import { ImportError } from './import-error';
import type { Layout } from './mapping';

/**
 * Recognising an export by its columns, with no mapping file: each role has the column names 311
 * exports use for it (English and Chinese), compared by {@link columnKey}, most telling first.
 */
const ROLES = {
  created: [
    'createddate',
    'createddatetime',
    'createdat',
    'created',
    'opened',
    'opendt',
    'opendate',
    'requesteddatetime',
    'requesteddate',
    'requestdate',
    'srcreateddate',
    'datecreated',
    'creationdate',
    'ticketcreateddatetime',
    'datereceived',
    'receiveddate',
    'reporteddate',
    'datereported',
    'submitteddate',
    'datetimeopened',
    '创建时间',
    '受理时间',
    '来电时间',
    '登记时间',
    '诉求时间',
  ],
  type: [
    'complainttype',
    'requesttype',
    'servicerequesttype',
    'srtype',
    'srtypedesc',
    'issuetype',
    'casetype',
    'problemtype',
    'servicename',
    'servicetype',
    'type',
    'requestcategory',
    'category',
    'subcategory',
    'descriptor',
    'reason',
    'subject',
    'casetitle',
    'title',
    '诉求类型',
    '问题类型',
    '类型',
    '分类',
    '类别',
  ],
  lat: ['latitude', 'lat', 'srlocationlat', 'ycoordinatelat', '纬度'],
  lon: ['longitude', 'lon', 'long', 'lng', 'srlocationlong', 'xcoordinatelong', '经度'],
  point: [
    'point',
    'location',
    'geolocation',
    'latlong',
    'latlng',
    'latlon',
    'coordinates',
    'srlocationlatlong',
    'geom',
    'geometry',
    '坐标',
    '位置',
  ],
  channel: [
    'opendatachanneltype',
    'channel',
    'source',
    'origin',
    'methodreceived',
    'requestsource',
    'receivedvia',
    'intakemethod',
    'contactmethod',
    'method',
    'sourcechannel',
    'submissionchannel',
    'channeltype',
    '渠道',
    '来源',
    '受理渠道',
  ],
  closed: [
    'closeddate',
    'closeddatetime',
    'closedat',
    'closed',
    'closeddt',
    'closedate',
    'dateclosed',
    'srcloseddate',
    'ticketcloseddatetime',
    '办结时间',
    '关闭时间',
  ],
  agency: [
    'agency',
    'agencyname',
    'responsibleagency',
    'agencyresponsible',
    'department',
    'ownerdepartment',
    'owner',
    'dept',
    '承办单位',
    '部门',
  ],
} as const;

/** How header names are compared: lower case, letters and digits only (`Created Date` → `createddate`). */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The first name in `names` that the header has, as the header spells it. */
function find(byKey: ReadonlyMap<string, string>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const found = byKey.get(n);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The layout of an export no built-in layout or mapping describes, from its header alone: the
 * created time (any of ISO, `MM/DD/YYYY hh:mm:ss AM/PM` or 24-hour), every type-like column (tried in
 * order for a category), latitude and longitude or a combined point, and the channel, closed-time and
 * agency columns when present. Throws an {@link ImportError} naming what is missing when there is no
 * created-time or type column.
 */
export function inferLayout(header: readonly string[]): Layout {
  const byKey = new Map<string, string>();
  for (const h of header) if (h !== '' && !byKey.has(columnKey(h))) byKey.set(columnKey(h), h);
  const created = find(byKey, ROLES.created);
  const types = ROLES.type.flatMap((n) => byKey.get(n) ?? []);
  const missing = [
    ...(created === undefined ? ['created-time column (such as Created Date, Opened, open_dt)'] : []),
    ...(types.length === 0 ? ['request-type column (such as Complaint Type, Request Type, Category)'] : []),
  ];
  if (created === undefined || missing.length > 0) {
    throw new ImportError(`cannot recognise the layout: no ${missing.join(' and no ')}`);
  }
  const lat = find(byKey, ROLES.lat);
  const lon = find(byKey, ROLES.lon);
  const both = lat !== undefined && lon !== undefined;
  const point = both ? undefined : find(byKey, ROLES.point);
  const optional = {
    ...(both ? { lat, lon } : {}),
    ...(point === undefined ? {} : { point }),
    ...Object.fromEntries(
      (['channel', 'closed', 'agency'] as const).flatMap((role) => {
        const c = find(byKey, ROLES[role]);
        return c === undefined ? [] : [[role, c]];
      }),
    ),
  };
  return {
    name: 'recognised',
    created: { column: created, format: 'auto' },
    type: types,
    ...optional,
    categories: {},
    channels: {},
    fallbackCategory: FALLBACK_CATEGORY,
  };
}
