package org.petal.ml.nifti;

import java.util.Map;
import org.petal.ml.io.UnsupportedImageException;

/** The NIfTI voxel datatypes Petal reads, with their header code and size on disk. */
public enum NiftiDatatype {
    UINT8(2, 1, "uint8"),
    INT16(4, 2, "int16"),
    INT32(8, 4, "int32"),
    FLOAT32(16, 4, "float32"),
    FLOAT64(64, 8, "float64"),
    UINT16(512, 2, "uint16");

    /** Names of the codes the standard defines but Petal does not read, so the error can name them. */
    private static final Map<Integer, String> OTHER_CODES = Map.ofEntries(
        Map.entry(0, "unknown"), Map.entry(1, "binary (1 bit)"), Map.entry(32, "complex64"),
        Map.entry(128, "rgb24"), Map.entry(256, "int8"), Map.entry(768, "uint32"), Map.entry(1024, "int64"),
        Map.entry(1280, "uint64"), Map.entry(1536, "float128"), Map.entry(1792, "complex128"),
        Map.entry(2048, "complex256"), Map.entry(2304, "rgba32"));

    private final int code;
    private final int bytes;
    private final String label;

    NiftiDatatype(int code, int bytes, String label) {
        this.code = code;
        this.bytes = bytes;
        this.label = label;
    }

    /** The value of the header's {@code datatype} field. */
    public int code() { return code; }

    /** Bytes per voxel on disk. */
    public int bytes() { return bytes; }

    public boolean isFloatingPoint() { return this == FLOAT32 || this == FLOAT64; }

    /** Lower-case name as NumPy and nibabel print it, e.g. {@code float32}. */
    public String label() { return label; }

    /** Looks a header code up, or explains to the user that the datatype is not supported. */
    public static NiftiDatatype fromCode(int code) throws UnsupportedImageException {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        String name = OTHER_CODES.getOrDefault(code, "not defined by the NIfTI standard");
        throw new UnsupportedImageException("NIfTI datatype " + code + " (" + name + ") is not supported; "
            + "Petal reads uint8, int16, uint16, int32, float32 and float64 voxels");
    }
}
