/**
 * The binary "PTMD" mask delta of /ws/annotate (docs/protocol.md): a 36-byte little-endian header naming
 * the object and the half-open box [i0,i1) x [j0,j1) x [k0,k1), then the zlib-deflated 0/1 voxels of the
 * box, i fastest, then j, then k.
 */
import { Box, boxVoxels } from '../model/box.js';

export interface MaskDelta {
  readonly labelValue: number;
  readonly objectId: number;
  readonly box: Box;
  /** One byte per voxel of the box: 1 in the object, 0 not. */
  readonly voxels: Uint8Array;
}

const MAGIC = [0x50, 0x54, 0x4d, 0x44];
/** Protocol versions whose delta layout this client reads (the layout is unchanged since version 2). */
const DELTA_VERSIONS = [2, 3];

export async function parseMaskDelta(buffer: ArrayBuffer): Promise<MaskDelta> {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 36 || MAGIC.some((b, n) => bytes[n] !== b)) {
    throw new Error('not a PTMD mask delta');
  }
  const dv = new DataView(buffer);
  if (!DELTA_VERSIONS.includes(dv.getUint8(4)) || dv.getUint8(5) !== 1) {
    throw new Error(`unsupported mask delta version ${dv.getUint8(4)} kind ${dv.getUint8(5)}`);
  }
  const box: Box = {
    i0: dv.getInt32(12, true), j0: dv.getInt32(16, true), k0: dv.getInt32(20, true),
    i1: dv.getInt32(24, true), j1: dv.getInt32(28, true), k1: dv.getInt32(32, true),
  };
  const voxels = await inflate(bytes.subarray(36));
  if (voxels.length !== boxVoxels(box)) {
    throw new Error(`mask delta body has ${voxels.length} voxels, its box ${boxVoxels(box)}`);
  }
  return { labelValue: dv.getUint16(6, true), objectId: dv.getUint32(8, true), box, voxels };
}

/** zlib (RFC 1950) inflate with the platform's stream, off the main thread's hot loop. */
export async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
