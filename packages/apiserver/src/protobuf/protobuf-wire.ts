/**
 * The protobuf wire format as Kubernetes' gogo-generated `Unmarshal` methods read it, with
 * their error texts (`unexpected EOF`, `proto: integer overflow`, …), so a malformed body
 * gets the message kube-apiserver would send.
 */

/** A malformed protobuf message; `message` is upstream's error text. */
export class ProtobufDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProtobufDecodeError";
  }
}

/** Go's `io.ErrUnexpectedEOF`. */
export const unexpectedEof = "unexpected EOF";
/** gogo's `ErrIntOverflowGenerated`: a varint longer than 10 bytes. */
export const integerOverflow = "proto: integer overflow";
/** gogo's `ErrInvalidLengthGenerated`: a length that is negative as a Go `int`. */
export const invalidLength = "proto: negative length found during unmarshaling";
/** gogo's `ErrUnexpectedEndOfGroupGenerated`. */
export const unexpectedEndOfGroup = "proto: unexpected end of group";

/** Wire types. */
export const WireType = {
  varint: 0,
  fixed64: 1,
  lengthDelimited: 2,
  startGroup: 3,
  endGroup: 4,
  fixed32: 5,
} as const;

const twoTo32 = 2 ** 32;

/**
 * Reads `buffer` from `position` up to `end` (exclusive). Varints land in `low` and `high`
 * (the two unsigned 32-bit halves of the 64-bit value) so nothing is allocated per field.
 */
export class WireCursor {
  /** Low 32 bits (unsigned) of the last varint read. */
  low = 0;
  /** High 32 bits (unsigned) of the last varint read. */
  high = 0;

  constructor(
    readonly buffer: Uint8Array,
    public position: number,
    readonly end: number,
  ) {}

  /** True while bytes are left. */
  hasMore(): boolean {
    return this.position < this.end;
  }

  /** Reads a varint into `low`/`high`, keeping the low 64 bits as Go does. */
  readVarint(): void {
    let low = 0;
    let high = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift >= 64) throw new ProtobufDecodeError(integerOverflow);
      if (this.position >= this.end) throw new ProtobufDecodeError(unexpectedEof);
      const byte = this.buffer[this.position++] as number;
      const bits = byte & 0x7f;
      if (shift < 32) {
        low = (low | (bits << shift)) >>> 0;
        // The byte at shift 28 straddles the halves.
        if (shift > 25) high = (high | (bits >>> (32 - shift))) >>> 0;
      } else {
        high = (high | (bits << (shift - 32))) >>> 0;
      }
      if (byte < 0x80) break;
    }
    this.low = low;
    this.high = high;
  }

  /** The last varint as Go's `int32(v)`. */
  int32(): number {
    return this.low | 0;
  }

  /** The last varint as Go's `int64(v)`, as a JavaScript number (precision as JSON.parse would keep). */
  int64(): number {
    if (this.high < 0x200000) return this.high * twoTo32 + this.low;
    return Number(BigInt.asIntN(64, (BigInt(this.high) << 32n) | BigInt(this.low)));
  }

  /** The last varint, unsigned, in decimal (for error texts). */
  uint64Text(): string {
    return ((BigInt(this.high) << 32n) | BigInt(this.low)).toString();
  }

  /**
   * Reads a length prefix and returns the end of the bytes it announces, checked as gogo
   * does: negative as a Go `int` → invalid length; past `end` → unexpected EOF.
   */
  readLengthEnd(): number {
    this.readVarint();
    if (this.high >= 0x80000000) throw new ProtobufDecodeError(invalidLength);
    const length = this.high * twoTo32 + this.low;
    if (length > this.end - this.position) throw new ProtobufDecodeError(unexpectedEof);
    return this.position + length;
  }

  /**
   * Skips one field whose tag started at `tagStart` (gogo's `skipGenerated`): groups are
   * counted, not recursed into, so nesting depth costs nothing.
   */
  skipField(tagStart: number): void {
    this.position = tagStart;
    let depth = 0;
    while (this.position < this.end) {
      this.readVarint();
      const wireType = this.low & 7;
      switch (wireType) {
        case WireType.varint:
          this.readVarint();
          break;
        case WireType.fixed64:
          this.position += 8;
          break;
        case WireType.lengthDelimited: {
          this.readVarint();
          if (this.high >= 0x80000000) throw new ProtobufDecodeError(invalidLength);
          this.position += this.high * twoTo32 + this.low;
          break;
        }
        case WireType.startGroup:
          depth++;
          break;
        case WireType.endGroup:
          if (depth === 0) throw new ProtobufDecodeError(unexpectedEndOfGroup);
          depth--;
          break;
        case WireType.fixed32:
          this.position += 4;
          break;
        default:
          throw new ProtobufDecodeError(`proto: illegal wireType ${wireType}`);
      }
      if (depth === 0) {
        if (this.position > this.end) throw new ProtobufDecodeError(unexpectedEof);
        return;
      }
    }
    throw new ProtobufDecodeError(unexpectedEof);
  }
}
