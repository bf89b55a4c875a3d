package org.petal.cases.slices;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.petal.ml.volume.PetUnit;

/**
 * The binary frame of a downsampled volume, all little-endian (documented in {@code docs/slices.md}, keep
 * both in step):
 *
 * <pre>
 * offset size type     field
 *  0     4    ASCII    magic "PVOL"
 *  4     2    uint16   format version (1)
 *  6     2    uint16   header length in bytes (48): levels start here
 *  8     4    uint32   mx   } dimensions of the downsampled grid
 * 12     4    uint32   my   }
 * 16     4    uint32   mz   }
 * 20     4    float32  spacing x (mm per downsampled voxel along i)
 * 24     4    float32  spacing y (along j)
 * 28     4    float32  spacing z (along k)
 * 32     4    float32  offset  } value = offset + scale * level
 * 36     4    float32  scale   }
 * 40     2    uint16   factor x } source voxels per downsampled voxel along i, j, k
 * 42     2    uint16   factor y }
 * 44     2    uint16   factor z }
 * 46     1    uint8    unit: 0 unknown (not SUV), 1 SUVbw, 2 Bq/ml (not SUV), as in the slice frame
 * 47     1    uint8    reduction: 0 block maximum
 * 48     2·mx·my·mz    uint16 levels, i fastest: level of (a, b, c) at index a + mx·(b + my·c)
 * </pre>
 *
 * The header length is a multiple of 4, so a browser can view the levels as a {@code Uint16Array} over the
 * received buffer without copying.
 */
final class VolumeFrame {

    static final byte[] MAGIC = "PVOL".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 48;
    static final int REDUCTION_MAXIMUM = 0;

    private VolumeFrame() {}

    /**
     * @param valueScale multiplies every value (a lead's SUV correction), folded into offset and scale so the
     *                   levels of a corrected case are the stored ones
     */
    static byte[] encode(DownsampledVolume d, double valueScale, PetUnit unit) {
        short[] levels = d.levels();
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 2 * levels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC)
            .putShort((short) VERSION)
            .putShort((short) HEADER_BYTES)
            .putInt(d.mx())
            .putInt(d.my())
            .putInt(d.mz())
            .putFloat((float) d.spacingMm()[0])
            .putFloat((float) d.spacingMm()[1])
            .putFloat((float) d.spacingMm()[2])
            .putFloat((float) (d.offset() * valueScale))
            .putFloat((float) (d.scale() * valueScale))
            .putShort((short) d.fx())
            .putShort((short) d.fy())
            .putShort((short) d.fz())
            .put((byte) SliceFrame.unitCode(unit))
            .put((byte) REDUCTION_MAXIMUM);
        b.asShortBuffer().put(levels);
        return b.array();
    }
}
