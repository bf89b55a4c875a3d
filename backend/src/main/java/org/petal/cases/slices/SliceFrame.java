package org.petal.cases.slices;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.petal.ml.store.QuantizedSlice;
import org.petal.ml.volume.PetUnit;

/**
 * The binary slice frame, all little-endian (documented in {@code docs/slices.md}, keep both in step):
 *
 * <pre>
 * offset size type     field
 *  0     4    ASCII    magic "PSLC"
 *  4     2    uint16   format version (1)
 *  6     2    uint16   header length in bytes (36): levels start here
 *  8     4    uint32   width  (columns, u)
 * 12     4    uint32   height (rows, v)
 * 16     4    float32  offset  } value = offset + scale * level
 * 20     4    float32  scale   }
 * 24     4    float32  spacing u (mm per column)
 * 28     4    float32  spacing v (mm per row)
 * 32     1    uint8    unit: 0 unknown (not SUV), 1 SUVbw, 2 Bq/ml (not SUV)
 * 33     1    uint8    kind: 0 axial, 1 coronal, 2 sagittal, 3 coronal MIP, 4 sagittal MIP, 5 rotating MIP
 * 34     2    uint16   reserved (0)
 * 36     2·w·h uint16  levels, row-major: level of (u, v) at index u + width·v
 * </pre>
 *
 * The header length is a multiple of 4, so a browser can view the levels as a {@code Uint16Array} over the
 * received buffer without copying.
 */
final class SliceFrame {

    static final byte[] MAGIC = "PSLC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 36;
    static final String MEDIA_TYPE = "application/octet-stream";

    private SliceFrame() {}

    /** Wire code of a unit; explicit so reordering {@link PetUnit} never changes the format. */
    static int unitCode(PetUnit unit) {
        return switch (unit) {
            case UNKNOWN -> 0;
            case SUV_BW -> 1;
            case BQ_PER_ML -> 2;
        };
    }

    /**
     * @param valueScale multiplies every value (a lead's SUV correction), folded into offset and scale so the
     *                   levels of a corrected case are the stored ones
     */
    static byte[] encode(QuantizedSlice q, double valueScale, PetUnit unit, SliceKind kind) {
        short[] levels = q.levels();
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 2 * levels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC)
            .putShort((short) VERSION)
            .putShort((short) HEADER_BYTES)
            .putInt(q.width())
            .putInt(q.height())
            .putFloat((float) (q.offset() * valueScale))
            .putFloat((float) (q.scale() * valueScale))
            .putFloat((float) q.spacingUMm())
            .putFloat((float) q.spacingVMm())
            .put((byte) unitCode(unit))
            .put((byte) kind.code)
            .putShort((short) 0);
        b.asShortBuffer().put(levels);
        return b.array();
    }
}
