// SQLite's file format read by hand (https://www.sqlite.org/fileformat2.html), as someone holding a
// copy of the data files would: pages, B-tree cells with their physical offsets, records, and the
// page images a WAL file still holds. Nothing here goes through SQLite or netmirror's code.

/** A value of a record: SQLite's integer, real, text, blob or null. */
export type RecordValue = number | bigint | string | Buffer | null;

export interface Cell {
  /** Where the cell's content starts in its page: content is allocated from the end of the page down. */
  offset: number;
  /** The record (for an index page, or a WITHOUT ROWID table) or the row (table page); only the part kept on the page when no file is given to follow overflow pages. */
  values: RecordValue[];
  /** The rowid, on table pages. */
  rowid?: number;
}

export interface RowPage {
  page: number;
  /** 0x0a index leaf and 0x02 index interior (WITHOUT ROWID tables and indexes: both hold records), 0x0d table leaf. */
  type: number;
  /** In key order (the cell pointer array), each with its physical offset. */
  cells: Cell[];
}

const LEAF_INDEX = 0x0a;
const LEAF_TABLE = 0x0d;
const INTERIOR_INDEX = 0x02;
const INTERIOR_TABLE = 0x05;

/** A big-endian SQLite varint at `at`: its value and length in bytes (exact up to 2^53, plenty for a page's needs). */
export function readVarint(buf: Buffer, at: number): { value: number; length: number } {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at + i];
    if (byte === undefined) throw new RangeError("varint runs past the end");
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) return { value, length: i + 1 };
  }
  const last = buf[at + 8];
  if (last === undefined) throw new RangeError("varint runs past the end");
  return { value: value * 256 + last, length: 9 };
}

/** Decodes a record (header of serial types, then the values); a cut-off record yields what fits. */
export function decodeRecord(payload: Buffer): RecordValue[] {
  const header = readVarint(payload, 0);
  const headerSize = header.value;
  const types: number[] = [];
  for (let at = header.length; at < headerSize; ) {
    const type = readVarint(payload, at);
    types.push(type.value);
    at += type.length;
  }
  const values: RecordValue[] = [];
  let at = headerSize;
  for (const type of types) {
    const size = serialSize(type);
    if (at + size > payload.length) break;
    values.push(serialValue(type, payload.subarray(at, at + size)));
    at += size;
  }
  return values;
}

function serialSize(type: number): number {
  if (type >= 12) return Math.floor((type - 12) / 2);
  return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0][type] ?? 0;
}

function serialValue(type: number, bytes: Buffer): RecordValue {
  switch (type) {
    case 0:
      return null;
    case 1:
      return bytes.readInt8(0);
    case 2:
      return bytes.readInt16BE(0);
    case 3:
      return bytes.readIntBE(0, 3);
    case 4:
      return bytes.readInt32BE(0);
    case 5:
      return bytes.readIntBE(0, 6);
    case 6:
      return bytes.readBigInt64BE(0);
    case 7:
      return bytes.readDoubleBE(0);
    case 8:
      return 0;
    case 9:
      return 1;
    default:
      return type % 2 === 0 ? Buffer.from(bytes) : bytes.toString("utf8");
  }
}

/** Page size and usable size from a database file's header. */
export function fileHeader(db: Buffer): { pageSize: number; usable: number } {
  if (db.subarray(0, 16).toString("latin1") !== "SQLite format 3\0") throw new Error("not a SQLite database file");
  const raw = db.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  return { pageSize, usable: pageSize - (db[20] ?? 0) };
}

/** Bytes of a payload of `size` kept on the page itself (the rest goes to overflow pages). */
function localSize(size: number, usable: number, tableLeaf: boolean): number {
  const max = tableLeaf ? usable - 35 : Math.floor(((usable - 12) * 64) / 255) - 23;
  if (size <= max) return size;
  const min = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = min + ((size - min) % (usable - 4));
  return k <= max ? k : min;
}

interface ParsedPage {
  type: number;
  cells: Cell[];
  children: number[];
}

/**
 * Parses one B-tree page image. `headerAt` is 100 on page 1 (after the file header), 0 elsewhere.
 * With `file`, payloads that spill are followed through their overflow pages; without it (a page
 * image out of a WAL), what is on the page is decoded. Throws on anything that is not a B-tree page.
 */
export function parsePage(image: Buffer, headerAt: number, usable: number, file?: { db: Buffer; pageSize: number }): ParsedPage {
  const type = image[headerAt] ?? 0;
  if (![LEAF_INDEX, LEAF_TABLE, INTERIOR_INDEX, INTERIOR_TABLE].includes(type)) throw new Error(`not a B-tree page (type ${type})`);
  const leaf = type === LEAF_INDEX || type === LEAF_TABLE;
  const count = image.readUInt16BE(headerAt + 3);
  const pointers = headerAt + (leaf ? 8 : 12);
  const cells: Cell[] = [];
  const children: number[] = [];
  for (let i = 0; i < count; i++) {
    const offset = image.readUInt16BE(pointers + 2 * i);
    if (offset < pointers || offset >= usable) throw new Error(`cell ${i} points outside the page`);
    let at = offset;
    if (!leaf) {
      children.push(image.readUInt32BE(at));
      at += 4;
    }
    if (type === INTERIOR_TABLE) {
      cells.push({ offset, values: [], rowid: readVarint(image, at).value });
      continue;
    }
    const size = readVarint(image, at);
    at += size.length;
    let rowid: number | undefined;
    if (type === LEAF_TABLE) {
      const id = readVarint(image, at);
      rowid = id.value;
      at += id.length;
    }
    const total = size.value;
    const local = localSize(total, usable, type === LEAF_TABLE);
    let payload = image.subarray(at, Math.min(at + local, image.length));
    if (local < total && file) payload = Buffer.concat([payload, overflow(file, image.readUInt32BE(at + local), total - local, usable)]);
    cells.push({ offset, values: decodeRecord(payload), rowid });
  }
  if (!leaf) children.push(image.readUInt32BE(headerAt + 8));
  return { type, cells, children };
}

function overflow(file: { db: Buffer; pageSize: number }, first: number, remaining: number, usable: number): Buffer {
  const parts: Buffer[] = [];
  for (let page = first; page !== 0 && remaining > 0; ) {
    const image = pageImage(file.db, file.pageSize, page);
    const take = Math.min(remaining, usable - 4);
    parts.push(image.subarray(4, 4 + take));
    remaining -= take;
    page = image.readUInt32BE(0);
  }
  return Buffer.concat(parts);
}

function pageImage(db: Buffer, pageSize: number, page: number): Buffer {
  return db.subarray((page - 1) * pageSize, page * pageSize);
}

/**
 * Every page of the B-tree rooted at `root` in a database file that holds rows: its leaves, and the
 * interior pages of an index B-tree, whose cells are records too.
 */
export function rowPages(db: Buffer, root: number): RowPage[] {
  const { pageSize, usable } = fileHeader(db);
  const pages: RowPage[] = [];
  const visit = (page: number) => {
    const parsed = parsePage(pageImage(db, pageSize, page), page === 1 ? 100 : 0, usable, { db, pageSize });
    if (parsed.type !== INTERIOR_TABLE) pages.push({ page, type: parsed.type, cells: parsed.cells });
    for (const child of parsed.children) visit(child);
  };
  visit(root);
  return pages;
}

/** A page image and where its B-tree header starts (100 on page 1, after the file header). */
export interface PageImage {
  image: Buffer;
  headerAt: number;
  usable: number;
  /** For a WAL frame, its 24-byte frame header: with its running checksum, it names this frame in this WAL. */
  frame?: string;
}

/**
 * Every page image in a database file and in its WAL (each frame, committed or not): what someone
 * reading the raw bytes sees, including page versions SQLite itself would no longer show.
 */
export function everyPageImage(db: Buffer | undefined, wal: Buffer | undefined): PageImage[] {
  const images: PageImage[] = [];
  let usable = 0;
  if (db && db.length >= 100) {
    const header = fileHeader(db);
    usable = header.usable;
    for (let page = 1; page * header.pageSize <= db.length; page++) {
      images.push({ image: pageImage(db, header.pageSize, page), headerAt: page === 1 ? 100 : 0, usable });
    }
  }
  if (wal && wal.length >= 32) {
    const pageSize = wal.readUInt32BE(8);
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
      const page = wal.readUInt32BE(at);
      images.push({
        image: wal.subarray(at + 24, at + 24 + pageSize),
        headerAt: page === 1 ? 100 : 0,
        usable: usable || pageSize,
        frame: wal.toString("hex", at, at + 24),
      });
    }
  }
  return images;
}

/** The cells of a page image that holds rows (see rowPages), else none. */
export function rowCells({ image, headerAt, usable }: PageImage): Cell[] {
  try {
    const parsed = parsePage(image, headerAt, usable);
    return parsed.type !== INTERIOR_TABLE ? parsed.cells : [];
  } catch {
    // Not a B-tree page (or a damaged one): nothing readable as rows.
    return [];
  }
}
