/**
 * The "PVOL" frame of GET /api/cases/{id}/volume/downsampled (docs/slices.md): a 48-byte little-endian
 * header, then one uint16 level per downsampled voxel, i fastest. A voxel's value is offset + scale * level,
 * in the frame's unit. Each downsampled voxel is the maximum of a block of factors[0] x factors[1] x
 * factors[2] source voxels.
 */
import type { FrameUnit } from '../protocol/slice-frame.js';

export type Triple = [number, number, number];

export interface VolumeFrame {
  /** Downsampled voxels along i, j, k. */
  readonly dims: Triple;
  /** Millimetres per downsampled voxel along i, j, k (factor x source spacing). */
  readonly spacing: Triple;
  /** Source voxels per downsampled voxel along i, j, k. */
  readonly factors: Triple;
  readonly offset: number;
  readonly scale: number;
  readonly unit: FrameUnit;
  /** 0: block maximum. */
  readonly reduction: number;
  readonly levels: Uint16Array;
}

export const VOLUME_HEADER_BYTES = 48;
const MAGIC = 0x4c4f5650; // "PVOL" read as a little-endian uint32
const UNITS: FrameUnit[] = ['unknown', 'SUVbw', 'Bq/ml'];

export function parseVolumeFrame(buffer: ArrayBuffer): VolumeFrame {
  if (buffer.byteLength < VOLUME_HEADER_BYTES) {
    throw new Error(`a volume frame has at least ${VOLUME_HEADER_BYTES} bytes, got ${buffer.byteLength}`);
  }
  const dv = new DataView(buffer);
  if (dv.getUint32(0, true) !== MAGIC) {
    throw new Error('not a PVOL volume frame');
  }
  const headerBytes = dv.getUint16(6, true);
  const dims: Triple = [dv.getUint32(8, true), dv.getUint32(12, true), dv.getUint32(16, true)];
  const count = dims[0] * dims[1] * dims[2];
  if (headerBytes < VOLUME_HEADER_BYTES || headerBytes % 2 !== 0 || headerBytes + 2 * count > buffer.byteLength) {
    throw new Error(`truncated volume frame: ${dims.join('x')} needs ${headerBytes + 2 * count} bytes, got ${buffer.byteLength}`);
  }
  const unit = UNITS[dv.getUint8(46)];
  if (unit === undefined) {
    throw new Error(`unknown unit code ${dv.getUint8(46)}`);
  }
  return {
    dims,
    spacing: [dv.getFloat32(20, true), dv.getFloat32(24, true), dv.getFloat32(28, true)],
    offset: dv.getFloat32(32, true),
    scale: dv.getFloat32(36, true),
    factors: [dv.getUint16(40, true), dv.getUint16(42, true), dv.getUint16(44, true)],
    unit,
    reduction: dv.getUint8(47),
    levels: new Uint16Array(buffer, headerBytes, count),
  };
}

/** Every voxel's value (SUV for an SUVbw frame), for a renderer that wants real units. */
export function frameValues(frame: VolumeFrame): Float32Array {
  const out = new Float32Array(frame.levels.length);
  const { offset, scale, levels } = frame;
  for (let n = 0; n < levels.length; n++) out[n] = offset + scale * levels[n];
  return out;
}

/**
 * Where the downsampled grid sits in the source's voxel-index millimetres (source index x source spacing):
 * voxel a covers source voxels [a*f, (a+1)*f), so its centre is at source index a*f + (f-1)/2.
 */
export function gridOrigin(frame: VolumeFrame): Triple {
  return [0, 1, 2].map(a => ((frame.factors[a] - 1) / 2) * (frame.spacing[a] / frame.factors[a])) as Triple;
}
