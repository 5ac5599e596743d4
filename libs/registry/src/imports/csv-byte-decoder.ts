// Turns the raw bytes of an HR export into UTF-8 for csv-parse, detecting the encoding on the way.
import { isUtf8 } from 'node:buffer';
import { getDecoder, type DecoderStream } from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'shift_jis' | 'cp932' | 'auto';
export type DetectedCsvEncoding = 'utf-8' | 'cp932';

/** Bytes after the first non-ASCII byte that decide UTF-8 vs CP932: enough that a chance UTF-8 match is implausible. */
const DETECTION_WINDOW = 4096;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Streaming decoder. UTF-8 input passes through untouched (csv-parse decodes fields itself); CP932 is decoded
 * with iconv-lite. Invalid bytes never throw: they become U+FFFD and `sawInvalidBytes` is set, so the reader
 * can report the affected rows instead of failing the whole file.
 */
export class CsvByteDecoder {
  /** Null until known; a pure-ASCII prefix is the same in both encodings, so detection can wait. */
  encoding: DetectedCsvEncoding | null;
  /** Set when the file is something we cannot read at all (UTF-16, an Excel workbook…): why, for HR. */
  unsupported: string | null = null;
  sawInvalidBytes = false;

  private readonly auto: boolean;
  private startChecked = false;
  private asciiSoFar = true;
  private pending: Buffer | null = null;
  private cp932: DecoderStream | null = null;
  /** Trailing bytes of an incomplete UTF-8 sequence, kept to validate chunk boundaries. */
  private utf8Carry: Buffer | null = null;

  constructor(requested: CsvEncoding = 'auto') {
    this.auto = requested === 'auto';
    this.encoding = null;
    if (requested === 'utf-8') this.encoding = 'utf-8';
    else if (requested === 'shift_jis' || requested === 'cp932') this.useCp932();
  }

  /** Returns what to hand to the CSV parser (UTF-8 bytes or decoded text), possibly nothing yet. */
  write(chunk: Buffer): (Buffer | string)[] {
    return this.feed(chunk, false);
  }

  end(): (Buffer | string)[] {
    const out = this.feed(null, true);
    if (this.unsupported !== null) return out;
    if (this.encoding === null) this.encoding = 'utf-8'; // all ASCII
    if (this.cp932 !== null) {
      const tail = this.cp932.end();
      if (tail !== undefined && tail !== '') out.push(this.checkDecoded(tail));
    } else {
      this.checkUtf8(null, true);
    }
    return out;
  }

  private feed(chunk: Buffer | null, final: boolean): (Buffer | string)[] {
    if (this.unsupported !== null) return [];
    let buf =
      this.pending === null ? chunk : chunk === null ? this.pending : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    if (buf === null || buf.length === 0) return [];

    if (!this.startChecked) {
      // BOM and NUL sniffing needs the first bytes together.
      if (buf.length < 4 && !final) {
        this.pending = buf;
        return [];
      }
      this.startChecked = true;
      this.unsupported = sniffUnsupported(buf);
      if (this.unsupported !== null) return [];
      if (this.auto && startsWithUtf8Bom(buf)) this.encoding = 'utf-8';
    }
    if (this.encoding !== null) return [this.decode(buf, final)];

    const out: (Buffer | string)[] = [];
    if (this.asciiSoFar) {
      const firstHigh = indexOfNonAscii(buf);
      if (firstHigh === -1) return [buf];
      this.asciiSoFar = false;
      if (firstHigh > 0) out.push(buf.subarray(0, firstHigh));
      buf = buf.subarray(firstHigh);
    }
    if (buf.length < DETECTION_WINDOW && !final) {
      this.pending = buf;
      return out;
    }
    if (looksLikeUtf8(buf, final)) this.encoding = 'utf-8';
    else this.useCp932();
    out.push(this.decode(buf, final));
    return out;
  }

  private useCp932(): void {
    this.encoding = 'cp932';
    // Shift_JIS exports from Japanese systems are CP932 in practice (①, 髙, ～); iconv-lite's table is CP932.
    this.cp932 = getDecoder('cp932');
  }

  private decode(buf: Buffer, final: boolean): Buffer | string {
    if (this.cp932 !== null) return this.checkDecoded(this.cp932.write(buf));
    this.checkUtf8(buf, final);
    return buf;
  }

  private checkDecoded(text: string): string {
    if (!this.sawInvalidBytes && text.includes('\uFFFD')) this.sawInvalidBytes = true;
    return text;
  }

  private checkUtf8(chunk: Buffer | null, final: boolean): void {
    if (this.sawInvalidBytes) return;
    const carry = this.utf8Carry;
    const bytes = carry === null ? chunk : chunk === null ? carry : Buffer.concat([carry, chunk]);
    this.utf8Carry = null;
    if (bytes === null) return;
    const keep = final ? 0 : incompleteUtf8Tail(bytes);
    if (keep > 0) this.utf8Carry = Buffer.from(bytes.subarray(bytes.length - keep));
    if (!isUtf8(keep > 0 ? bytes.subarray(0, bytes.length - keep) : bytes)) this.sawInvalidBytes = true;
  }
}

function startsWithUtf8Bom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

/** Files that are not text in either encoding: say what they look like rather than report every row. */
function sniffUnsupported(buf: Buffer): string | null {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return 'The file is UTF-16 encoded; save it as CSV in UTF-8 or Shift_JIS.';
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    return 'The file is an Excel workbook or another ZIP archive, not CSV; export it as CSV.';
  }
  if (buf.subarray(0, DETECTION_WINDOW).includes(0)) {
    return 'The file contains NUL bytes: it is binary or UTF-16/32, not CSV in UTF-8 or Shift_JIS.';
  }
  return null;
}

function indexOfNonAscii(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) if (buf[i] >= 0x80) return i;
  return -1;
}

/** Valid UTF-8 apart from a sequence cut at the end of the window (which the next bytes may complete). */
function looksLikeUtf8(buf: Buffer, final: boolean): boolean {
  if (startsWithUtf8Bom(buf)) return true;
  const keep = final ? 0 : incompleteUtf8Tail(buf);
  return isUtf8(keep > 0 ? buf.subarray(0, buf.length - keep) : buf);
}

/** Length of a UTF-8 sequence started but not finished at the end of `buf` (0 if none). */
function incompleteUtf8Tail(buf: Buffer): number {
  const len = buf.length;
  for (let i = 1; i <= 3 && i <= len; i++) {
    const b = buf[len - i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b < 0xc0) return 0; // ASCII: nothing pending
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return needed > i ? i : 0;
  }
  return 0;
}
