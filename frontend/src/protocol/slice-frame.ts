/**
 * The "PSLC" slice frame of the backend (docs/slices.md): a 36-byte little-endian header, then one uint16
 * level per pixel, row-major (u fastest). A pixel's value is offset + scale * level, in the frame's unit.
 */
export type FrameUnit = 'unknown' | 'SUVbw' | 'Bq/ml';

export interface SliceFrame {
  readonly width: number;
  readonly height: number;
  readonly offset: number;
  readonly scale: number;
  /** Millimetres per column (u) and per row (v). */
  readonly spacingU: number;
  readonly spacingV: number;
  readonly unit: FrameUnit;
  readonly kind: number;
  readonly levels: Uint16Array;
}

const MAGIC = 0x434c5350; // "PSLC" read as a little-endian uint32
const UNITS: FrameUnit[] = ['unknown', 'SUVbw', 'Bq/ml'];

export function parseSliceFrame(buffer: ArrayBuffer): SliceFrame {
  if (buffer.byteLength < 36) {
    throw new Error(`a slice frame has at least 36 bytes, got ${buffer.byteLength}`);
  }
  const dv = new DataView(buffer);
  if (dv.getUint32(0, true) !== MAGIC) {
    throw new Error('not a PSLC slice frame');
  }
  const headerBytes = dv.getUint16(6, true);
  const width = dv.getUint32(8, true);
  const height = dv.getUint32(12, true);
  if (headerBytes < 36 || headerBytes % 2 !== 0 || headerBytes + 2 * width * height > buffer.byteLength) {
    throw new Error(`truncated slice frame: ${width}x${height} needs ${headerBytes + 2 * width * height} bytes`);
  }
  const unit = UNITS[dv.getUint8(32)];
  if (unit === undefined) {
    throw new Error(`unknown unit code ${dv.getUint8(32)}`);
  }
  return {
    width,
    height,
    offset: dv.getFloat32(16, true),
    scale: dv.getFloat32(20, true),
    spacingU: dv.getFloat32(24, true),
    spacingV: dv.getFloat32(28, true),
    unit,
    kind: dv.getUint8(33),
    levels: new Uint16Array(buffer, headerBytes, width * height),
  };
}

/** The value of pixel (u, v). */
export function valueAt(frame: SliceFrame, u: number, v: number): number {
  return frame.offset + frame.scale * frame.levels[u + frame.width * v];
}

/** Only SUVbw frames may be labelled SUV; anything else says what it is. */
export function unitLabel(unit: FrameUnit): string {
  return unit === 'SUVbw' ? 'SUV' : unit === 'Bq/ml' ? 'Bq/ml (not SUV)' : 'unknown unit (not SUV)';
}
