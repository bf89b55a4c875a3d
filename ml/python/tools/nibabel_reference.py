#!/usr/bin/env python3
"""Reference values for Petal's Java NIfTI reader, as nibabel sees the same files.

Two jobs:
  1. Writes small synthetic NIfTI files (each < 50 KB) into ml/src/test/resources/nifti/ that exercise
     what the real data does not: big-endian, NIfTI-2, int16 with scl_slope/scl_inter, int32, float64,
     uint16, a qform-only oblique left-handed grid, a float 0/1 mask. Headers are built with nibabel's
     header classes and the voxel bytes written explicitly, so the stored fields are exactly as set here
     (nibabel's image saving would otherwise choose its own scaling).
  2. Loads every real file (under the shared data root, never copied) and every synthetic file with
     nibabel and records what it reports into nibabel-reference.json.

Run from the repository root:
    /usr/bin/python3 ml/python/tools/nibabel_reference.py --real ../shared/data/real
"""
import argparse
import glob
import gzip
import json
import math
import os
import sys

import nibabel as nib
import numpy as np

RESOURCES = os.path.join("ml", "src", "test", "resources", "nifti")
OUTPUT = os.path.join(RESOURCES, "nibabel-reference.json")


def oblique_affine(spacing, origin, angle_deg, left_handed=False):
    """Rotation about an oblique axis, then voxel sizes, optionally with k flipped (qfac = -1)."""
    axis = np.array([1.0, 2.0, 3.0]) / math.sqrt(14.0)
    t = math.radians(angle_deg)
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    r = np.eye(3) + math.sin(t) * k + (1 - math.cos(t)) * (k @ k)
    zooms = np.array(spacing, dtype=float)
    if left_handed:
        zooms[2] = -zooms[2]
    a = np.eye(4)
    a[:3, :3] = r * zooms
    a[:3, 3] = origin
    return a


def write_single_file(path, hdr, data, disk_dtype):
    """Header, zeroed 4-byte extension flag, then voxels in Fortran (i fastest) order."""
    hdr.set_data_shape(data.shape)
    hdr.set_data_dtype(disk_dtype)
    offset = hdr.sizeof_hdr + 4
    hdr.set_data_offset(offset)
    order = hdr.endianness
    payload = hdr.binaryblock + b"\0" * 4 + np.asarray(data).astype(np.dtype(disk_dtype).newbyteorder(order)).tobytes(order="F")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "wb") as f:
        f.write(payload)


def make_synthetic():
    i, j, k = np.meshgrid(np.arange(7), np.arange(6), np.arange(5), indexing="ij")
    files = {}

    # Big-endian int16 with scaling; sform (code 2, aligned) and a different qform (code 1): sform must win.
    h = nib.Nifti1Header(endianness=">")
    h.set_sform(oblique_affine([1.5, 2.0, 2.5], [-40.0, 12.5, 7.25], 25.0), code=2)
    h.set_qform(oblique_affine([1.5, 2.0, 2.5], [1.0, 2.0, 3.0], 0.0), code=1)
    h.set_slope_inter(0.5, -3.0)
    h["descrip"] = b"petal test: big-endian int16 scaled"
    files["be_int16_scaled.nii"] = (h, (i * 100 - j * 37 + k * 1000 - 2000).astype(np.int16), np.int16)

    # NIfTI-2, float64, little endian, sform.
    h = nib.Nifti2Header()
    h.set_sform(oblique_affine([3.0, 3.0, 2.0], [100.0, -50.0, 20.0], -40.0), code=1)
    h.set_qform(oblique_affine([3.0, 3.0, 2.0], [100.0, -50.0, 20.0], -40.0), code=1)
    files["nifti2_float64.nii"] = (h, (np.sin(i * 0.7) * 1e3 + j * 0.001 - k * 12.5).astype(np.float64), np.float64)

    # qform only, oblique and left-handed (qfac = -1), int32 with values beyond the int16 range.
    h = nib.Nifti1Header()
    h.set_qform(oblique_affine([2.0, 2.0, 3.27], [-150.0, -170.0, -600.0], 33.0, left_handed=True), code=1)
    h.set_sform(None, code=0)
    files["qform_only_int32.nii.gz"] = (h, (i * 100000 - j * 7 + k * 3 - 250000).astype(np.int32), np.int32)

    # Float 0/1 mask with slight float noise, as segmentation tools write them.
    h = nib.Nifti1Header()
    h.set_sform(np.diag([4.0, 4.0, 4.0, 1.0]), code=1)
    h.set_qform(np.diag([4.0, 4.0, 4.0, 1.0]), code=1)
    mask = (((i - 3) ** 2 + (j - 3) ** 2 + (k - 2) ** 2) <= 4).astype(np.float32)
    mask[mask == 1] = np.float32(0.9999999)
    files["float_mask.nii.gz"] = (h, mask, np.float32)

    # uint16 labels above 255, no transform codes at all (pixdim-only fallback).
    h = nib.Nifti1Header()
    h.set_data_shape(i.shape)
    h.set_zooms((1.25, 1.5, 1.75))
    h.set_qform(None, code=0)
    h.set_sform(None, code=0)
    files["uint16_labels_pixdim_only.nii"] = (h, ((i + 7 * j + 42 * k) * 300 % 65536).astype(np.uint16), np.uint16)

    for name, (hdr, data, dtype) in files.items():
        write_single_file(os.path.join(RESOURCES, name), hdr, data, dtype)
    return sorted(files)


def finite_or_none(x):
    x = float(x)
    return x if math.isfinite(x) else None


def describe(path, display_name, location):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        first = f.read(4)
    version = 2 if int.from_bytes(first, "little") == 540 or int.from_bytes(first, "big") == 540 else 1
    header_class = nib.Nifti2Header if version == 2 else nib.Nifti1Header
    with opener(path, "rb") as f:
        raw = header_class.from_fileobj(f, check=False)  # the fields as stored, before nibabel tidies them
    img = nib.load(path)
    data = np.asarray(img.get_fdata(dtype=np.float64))
    shape = data.shape
    picks = [(0, 0, 0), tuple(s - 1 for s in shape), tuple(s // 2 for s in shape),
             tuple(s // 3 for s in shape), (shape[0] - 1, 0, shape[2] // 2),
             tuple(int(v) for v in np.unravel_index(int(np.argmax(data)), shape))]
    return {
        "file": display_name,
        "location": location,
        "nifti_version": version,
        "shape": list(shape),
        "datatype": int(raw["datatype"]),
        "byte_order": raw.endianness,
        "scl_slope": finite_or_none(raw["scl_slope"]),
        "scl_inter": finite_or_none(raw["scl_inter"]),
        "slope_applied": float(img.dataobj.slope),
        "inter_applied": float(img.dataobj.inter),
        "qform_code": int(raw["qform_code"]),
        "sform_code": int(raw["sform_code"]),
        "affine": [[float(v) for v in row] for row in img.affine],
        "sum": float(data.sum()),
        "min": float(data.min()),
        "max": float(data.max()),
        "mean": float(data.mean()),
        "samples": [{"ijk": list(p), "value": float(data[p])} for p in picks],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", default=os.path.join("..", "shared", "data", "real"), help="shared real data root")
    args = parser.parse_args()

    entries = []
    for name in make_synthetic():
        entries.append(describe(os.path.join(RESOURCES, name), "nifti/" + name, "resource"))

    patterns = ["ai4elife-hecktor/data/*/pet/*_pt.nii.gz", "ai4elife-hecktor/data/*/*_ct.nii.gz",
                "ai4elife-hecktor/data/*/gt/*_gtvt.nii.gz", "spm12/toolbox/OldNorm/PET.nii"]
    for pattern in patterns:
        matches = sorted(glob.glob(os.path.join(args.real, pattern)))
        if not matches:
            sys.exit("no real files match " + pattern + " under " + args.real)
        for path in matches:
            entries.append(describe(path, os.path.relpath(path, args.real), "real"))

    out = {
        "_provenance": (
            "Generated by ml/python/tools/nibabel_reference.py (run from the repository root: "
            "/usr/bin/python3 ml/python/tools/nibabel_reference.py --real ../shared/data/real) with nibabel "
            + nib.__version__ + " and numpy " + np.__version__ + ". 'resource' files were written by the same script "
            "into ml/src/test/resources/nifti; 'real' paths are relative to the shared real-data root. Per file: the "
            "header fields as stored (scl_slope/scl_inter null when NaN), the scaling nibabel applies, img.affine "
            "(voxel -> RAS mm, row-major), and statistics of img.get_fdata(dtype=float64) (the scaled values); "
            "samples are voxel values at 0-based (i, j, k)."),
        "files": entries,
    }
    with open(OUTPUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", OUTPUT, "with", len(entries), "files")


if __name__ == "__main__":
    main()
