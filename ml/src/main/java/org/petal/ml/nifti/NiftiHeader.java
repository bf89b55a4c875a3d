package org.petal.ml.nifti;

import java.nio.ByteOrder;
import org.petal.ml.volume.VolumeGeometry;

/**
 * A validated NIfTI-1 or NIfTI-2 header: the fields Petal uses, exactly as stored (widened to
 * {@code long}/{@code double}), plus the voxel grid they define.
 *
 * <p>Units: voxel sizes ({@code pixdim}), offsets and affines are in millimetres (the spatial unit
 * bits of {@code xyzt_units} are reported but not applied, as nibabel does). Affines are 4×4 row-major
 * voxel (i, j, k) → RAS. {@link #geometry()} is the same grid in Petal's LPS convention.
 */
public final class NiftiHeader {

    /** Which of the standard's three methods placed the voxels; see the package documentation. */
    public enum GeometrySource {
        /** {@code sform_code > 0}: the general affine in {@code srow_x/y/z}. */
        SFORM,
        /** {@code sform_code == 0}, {@code qform_code > 0}: quaternion, qoffset and pixdim (with qfac). */
        QFORM,
        /** Both codes 0: voxel sizes only, first voxel at the origin, no orientation information. */
        PIXDIM
    }

    /** Mutable field bag the parser fills; copied into the immutable header. */
    static final class Fields {
        int version;
        ByteOrder byteOrder;
        String magic;
        long[] dim = new long[8];
        NiftiDatatype datatype;
        int bitpix;
        double[] pixdim = new double[8];
        long voxOffset;
        double sclSlope;
        double sclInter;
        int qformCode;
        int sformCode;
        double quaternB;
        double quaternC;
        double quaternD;
        double[] qoffset = new double[3];
        double[] srow = new double[12];
        int intentCode;
        int xyztUnits;
        String description;
    }

    private final Fields f;
    private final GeometrySource geometrySource;
    private final double[] rasAffine;
    private final VolumeGeometry geometry;

    NiftiHeader(Fields fields, GeometrySource source, double[] rasAffine, VolumeGeometry geometry) {
        this.f = fields;
        this.geometrySource = source;
        this.rasAffine = rasAffine.clone();
        this.geometry = geometry;
    }

    /** 1 or 2. */
    public int version() { return f.version; }

    /** Byte order of the header and voxels on disk. */
    public ByteOrder byteOrder() { return f.byteOrder; }

    /** The magic string without its NUL padding, e.g. {@code n+1}. */
    public String magic() { return f.magic; }

    /** The raw {@code dim} array: dim[0] is the number of dimensions, dim[1..7] their sizes. */
    public long[] dim() { return f.dim.clone(); }

    public int nx() { return geometry.nx(); }
    public int ny() { return geometry.ny(); }
    public int nz() { return geometry.nz(); }

    public long voxelCount() { return geometry.voxelCount(); }

    public NiftiDatatype datatype() { return f.datatype; }

    /** The stored {@code bitpix}; not trusted (the datatype decides the voxel size). */
    public int bitpix() { return f.bitpix; }

    /** The raw {@code pixdim} array; pixdim[0] is qfac, pixdim[1..3] voxel sizes in mm. */
    public double[] pixdim() { return f.pixdim.clone(); }

    /** Byte offset of the first voxel in the (uncompressed) file. */
    public long voxOffset() { return f.voxOffset; }

    /** {@code scl_slope} as stored (may be 0 or NaN, meaning "no scaling"). */
    public double sclSlope() { return f.sclSlope; }

    /** {@code scl_inter} as stored. */
    public double sclInter() { return f.sclInter; }

    /** Whether voxel values are rescaled: the slope is finite and non-zero. */
    public boolean hasScaling() {
        return f.sclSlope != 0 && Double.isFinite(f.sclSlope);
    }

    /** The slope actually applied: {@code scl_slope}, or 1 when the header asks for no scaling. */
    public double effectiveSlope() { return hasScaling() ? f.sclSlope : 1.0; }

    /** The intercept actually applied: {@code scl_inter}, or 0 without scaling or when not finite. */
    public double effectiveInter() { return hasScaling() && Double.isFinite(f.sclInter) ? f.sclInter : 0.0; }

    public int qformCode() { return f.qformCode; }
    public int sformCode() { return f.sformCode; }

    /** Quaternion parameters {b, c, d} as stored. */
    public double[] quaternion() { return new double[] {f.quaternB, f.quaternC, f.quaternD}; }

    /** {@code qoffset_x/y/z} in mm (RAS). */
    public double[] qoffset() { return f.qoffset.clone(); }

    /** −1 when pixdim[0] is negative (k axis flipped in the qform), else +1. */
    public double qfac() { return f.pixdim[0] < 0 ? -1 : 1; }

    /** The affine the qform fields describe, whatever {@code qform_code} says. */
    public double[] qformAffine() {
        return NiftiAffines.qform(f.quaternB, f.quaternC, f.quaternD, f.qoffset[0], f.qoffset[1], f.qoffset[2], f.pixdim);
    }

    /** The affine the sform rows hold, whatever {@code sform_code} says. */
    public double[] sformAffine() { return NiftiAffines.sform(f.srow); }

    /** Which method chose {@link #rasAffine()}. */
    public GeometrySource geometrySource() { return geometrySource; }

    /** The voxel → RAS affine chosen as the package documentation describes (nibabel's {@code img.affine}). */
    public double[] rasAffine() { return rasAffine.clone(); }

    /** The voxel grid in Petal's conventions (LPS). */
    public VolumeGeometry geometry() { return geometry; }

    public int intentCode() { return f.intentCode; }

    /** The raw {@code xyzt_units} byte (spatial unit in bits 0–2: 1 m, 2 mm, 3 µm). */
    public int xyztUnits() { return f.xyztUnits; }

    /** {@code descrip}, up to its first NUL. */
    public String description() { return f.description; }

    @Override
    public String toString() {
        return "NIfTI-" + f.version + " " + f.datatype.label() + " " + geometry + " (" + geometrySource + ", "
            + (f.byteOrder == ByteOrder.BIG_ENDIAN ? "big" : "little") + " endian)";
    }
}
