"""Reading official SAM-Med3D / SegAnyPET checkpoints and checking them against a config, key by key.

Loading with care: a .pth file is a pickle, and plain unpickling can run arbitrary code. Training
checkpoints also hold an argparse.Namespace (`args`), which torch.load(weights_only=True) refuses.
(torch 1.13's torch.load also replaces a custom pickle_module with plain pickle.) So this module
reads the zip container itself and unpickles data.pkl with an allowlist: tensors rebuilt straight from
the zip's storage records, plain containers, argparse.Namespace, pathlib paths, numpy scalars and arrays,
torch dtypes. Anything else is refused with the offending global named; `trust=True` (the converter's
--trust-checkpoint) uses plain torch.load for files whose origin you trust, e.g. pre-1.6 legacy files.
"""
import argparse
import collections
import functools
import hashlib
import io
import pathlib
import pickle
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import torch
from torch import Tensor

from .config import ARCHS, SegAnyConfig
from .model import SegAny3D

BOX_EMBEDDING_KEYS = ("prompt_encoder.point_embeddings.2.weight", "prompt_encoder.point_embeddings.3.weight")


class CheckpointError(Exception):
    """The file could not be read as a checkpoint, or holds no state dict we recognise."""


_STORAGE_DTYPES = {
    "FloatStorage": torch.float32, "DoubleStorage": torch.float64, "HalfStorage": torch.float16,
    "BFloat16Storage": torch.bfloat16, "LongStorage": torch.int64, "IntStorage": torch.int32,
    "ShortStorage": torch.int16, "CharStorage": torch.int8, "ByteStorage": torch.uint8,
    "BoolStorage": torch.bool,
}


class _StorageType:
    def __init__(self, dtype: torch.dtype):
        self.dtype = dtype


def _rebuild_tensor(storage: Tensor, storage_offset, size, stride, *unused) -> Tensor:
    return storage.as_strided(tuple(size), tuple(stride), storage_offset)


def _rebuild_parameter(data, *unused):
    return data


def _rebuild_from_type_v2(func, new_type, args, state):
    return func(*args)


_ALLOWED_GLOBALS = {
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("collections", "Counter"): collections.Counter,
    ("collections", "defaultdict"): collections.defaultdict,
    ("argparse", "Namespace"): argparse.Namespace,
    ("pathlib", "PosixPath"): pathlib.PurePosixPath,
    ("pathlib", "WindowsPath"): pathlib.PureWindowsPath,
    ("pathlib", "PurePosixPath"): pathlib.PurePosixPath,
    ("pathlib", "PureWindowsPath"): pathlib.PureWindowsPath,
    ("builtins", "set"): set,
    ("builtins", "frozenset"): frozenset,
    ("builtins", "slice"): slice,
    ("builtins", "complex"): complex,
    ("torch._utils", "_rebuild_tensor"): _rebuild_tensor,
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    ("torch._utils", "_rebuild_parameter_with_state"): _rebuild_parameter,
    ("torch._tensor", "_rebuild_from_type_v2"): _rebuild_from_type_v2,
    ("torch.nn.parameter", "Parameter"): torch.nn.Parameter,
    ("torch", "Tensor"): torch.Tensor,
    ("torch", "Size"): torch.Size,
    ("torch", "device"): torch.device,
}
_TORCH_DTYPES = {name for name in dir(torch) if isinstance(getattr(torch, name, None), torch.dtype)}
_NUMPY_GLOBALS = {("numpy.core.multiarray", "scalar"), ("numpy.core.multiarray", "_reconstruct"),
                  ("numpy._core.multiarray", "scalar"), ("numpy._core.multiarray", "_reconstruct"),
                  ("numpy", "ndarray"), ("numpy", "dtype"), ("_codecs", "encode")}


class _AllowlistUnpickler(pickle.Unpickler):
    def __init__(self, file, zip_file: zipfile.ZipFile, prefix: str):
        super().__init__(file, encoding="utf-8")
        self._zip = zip_file
        self._prefix = prefix
        self._storages: Dict[str, Tensor] = {}

    def find_class(self, module, name):
        if (module, name) in _ALLOWED_GLOBALS:
            return _ALLOWED_GLOBALS[(module, name)]
        if module == "torch" and name in _STORAGE_DTYPES:
            return _StorageType(_STORAGE_DTYPES[name])
        if module == "torch" and name in _TORCH_DTYPES:
            return getattr(torch, name)
        if (module, name) in _NUMPY_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"refusing to unpickle global '{module}.{name}': not on the checkpoint allowlist "
            "(tensors, containers, argparse.Namespace, numpy scalars). If you trust where this file "
            "comes from, rerun with --trust-checkpoint.")

    def persistent_load(self, saved_id):
        typename, storage_type, key, _location, numel = saved_id
        if typename != "storage" or not isinstance(storage_type, _StorageType):
            raise pickle.UnpicklingError(f"unexpected persistent id {saved_id!r}")
        if key not in self._storages:
            raw = bytearray(self._zip.read(f"{self._prefix}data/{key}"))
            flat = torch.frombuffer(raw, dtype=storage_type.dtype) if raw else torch.empty(0, dtype=storage_type.dtype)
            if flat.numel() != numel:
                raise pickle.UnpicklingError(f"storage {key}: {flat.numel()} elements, header says {numel}")
            self._storages[key] = flat
        return self._storages[key]


def _load_zip_with_allowlist(path: str):
    if not zipfile.is_zipfile(path):
        raise CheckpointError(f"{path}: not a zip-format torch checkpoint (legacy pre-1.6 format or not a "
                              "checkpoint at all); if you trust the file, rerun with --trust-checkpoint")
    with zipfile.ZipFile(path) as zf:
        pickles = [n for n in zf.namelist() if n.endswith("data.pkl") and n.count("/") <= 1]
        if len(pickles) != 1:
            raise CheckpointError(f"{path}: expected one data.pkl in the zip, found {pickles}")
        prefix = pickles[0][:-len("data.pkl")]
        byteorder = f"{prefix}byteorder"
        if byteorder in zf.namelist() and zf.read(byteorder).decode().strip() != "little":
            raise CheckpointError(f"{path}: big-endian checkpoints are not supported")
        return _AllowlistUnpickler(io.BytesIO(zf.read(pickles[0])), zf, prefix).load()


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_checkpoint(path: str, trust: bool = False):
    """Loads a checkpoint onto the CPU: allowlist unpickling of the zip format, or plain torch.load
    when trust is set."""
    try:
        if trust:
            return torch.load(path, map_location="cpu")
        return _load_zip_with_allowlist(path)
    except pickle.UnpicklingError as e:
        raise CheckpointError(f"{path}: {e}") from None
    except (OSError, RuntimeError, EOFError, KeyError, zipfile.BadZipFile) as e:
        raise CheckpointError(f"{path}: cannot be read as a torch checkpoint: {e}") from None


def _is_tensor_mapping(obj) -> bool:
    return isinstance(obj, Mapping) and len(obj) > 0 and all(isinstance(v, Tensor) for v in obj.values())


def extract_state_dict(obj) -> Tuple[Dict[str, Tensor], str]:
    """Finds the weights in a loaded checkpoint. Tried in order: a raw state dict, the value under
    'model_state_dict' (SAM-Med3D's layout), the value under 'state_dict'. A leading 'module.' on every
    key is stripped. Returns (state_dict, description of where it was found)."""
    if _is_tensor_mapping(obj):
        state, where = obj, "raw state dict"
    elif isinstance(obj, Mapping) and _is_tensor_mapping(obj.get("model_state_dict")):
        state, where = obj["model_state_dict"], "checkpoint['model_state_dict']"
    elif isinstance(obj, Mapping) and _is_tensor_mapping(obj.get("state_dict")):
        state, where = obj["state_dict"], "checkpoint['state_dict']"
    else:
        if isinstance(obj, Mapping):
            found = ", ".join(repr(k) for k in list(obj.keys())[:20])
            raise CheckpointError("no state dict found: expected a mapping of tensors, or one under "
                                  f"'model_state_dict' or 'state_dict'; top-level keys are: {found}")
        raise CheckpointError(f"no state dict found: the file holds a {type(obj).__name__}")
    state = dict(state)
    if all(k.startswith("module.") for k in state):
        state = {k[len("module."):]: v for k, v in state.items()}
        where += ", 'module.' prefix stripped"
    return state, where


@functools.lru_cache(maxsize=4)
def expected_shapes(cfg: SegAnyConfig) -> Dict[str, Tuple[int, ...]]:
    """Key -> shape of the state dict a model of this config has."""
    return {k: tuple(v.shape) for k, v in SegAny3D(cfg).state_dict().items()}


@dataclass
class CheckReport:
    arch: str
    expected_count: int
    missing: List[Tuple[str, Tuple[int, ...]]] = field(default_factory=list)
    unexpected: List[Tuple[str, Tuple[int, ...]]] = field(default_factory=list)
    shape_mismatch: List[Tuple[str, Tuple[int, ...], Tuple[int, ...]]] = field(default_factory=list)
    non_float: List[Tuple[str, str]] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    extra_hints: List[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.unexpected or self.shape_mismatch or self.non_float)

    def format(self, limit: int = 40) -> str:
        if self.ok:
            lines = [f"checkpoint matches {self.arch}: all {self.expected_count} tensors present with the "
                     "expected shapes"]
            lines += [f"  note: {n}" for n in self.notes]
            return "\n".join(lines)
        lines = [f"checkpoint does NOT match {self.arch} ({self.expected_count} tensors expected):"]

        def section(title, rows):
            if not rows:
                return
            lines.append(f"  {title} ({len(rows)}):")
            for row in rows[:limit]:
                lines.append("    " + row)
            if len(rows) > limit:
                lines.append(f"    ... and {len(rows) - limit} more")

        section("missing keys", [f"{k}  expected {list(s)}" for k, s in self.missing])
        section("unexpected keys", [f"{k}  {list(s)}" for k, s in self.unexpected])
        section("shape mismatches", [f"{k}  checkpoint {list(got)}  expected {list(want)}"
                                     for k, got, want in self.shape_mismatch])
        section("non-floating-point tensors", [f"{k}  dtype {d}" for k, d in self.non_float])
        for hint in self.hints():
            lines.append(f"  hint: {hint}")
        lines += [f"  note: {n}" for n in self.notes]
        lines.append("refusing to export.")
        return "\n".join(lines)

    def hints(self) -> List[str]:
        hints = []
        unexpected = {k for k, _ in self.unexpected}
        if unexpected & set(BOX_EMBEDDING_KEYS):
            hints.append("prompt_encoder.point_embeddings.2/.3 are the two box-corner embeddings of the "
                         "SAM-Med3D CVPR25 bbox checkpoints (e.g. sam_med3d_turbo_bbox_init.pth); vit_b_ori "
                         "has only point_embeddings.0 (negative) and .1 (positive). If point-only use of such "
                         "a checkpoint is what you want, rerun with --drop-box-embeddings.")
        for k, got, want in self.shape_mismatch:
            if k == "image_encoder.pos_embed" and len(got) == 5 and got[1:4] != want[1:4]:
                hints.append(f"pos_embed has a {list(got[1:4])} token grid, not {list(want[1:4])}: the "
                             "checkpoint was made for another crop or patch size (SAM-Med3D's vit_b, vit_l "
                             "and vit_h registry entries use 256³ crops, a 16³ grid).")
        if self.missing and len(self.missing) == self.expected_count:
            names = sorted(unexpected)[:3]
            hints.append(f"no expected key was found; the checkpoint's keys look like {names}: "
                         "is there a prefix other than 'module.'?")
        return hints + self.extra_hints


def check_state_dict(state: Dict[str, Tensor], cfg: SegAnyConfig) -> CheckReport:
    """Strict comparison of names and shapes against the model of `cfg`."""
    expected = expected_shapes(cfg)
    report = CheckReport(arch=cfg.name, expected_count=len(expected))
    for key, shape in expected.items():
        if key not in state:
            report.missing.append((key, shape))
        elif tuple(state[key].shape) != shape:
            report.shape_mismatch.append((key, tuple(state[key].shape), shape))
        elif not state[key].is_floating_point():
            report.non_float.append((key, str(state[key].dtype)))
    for key, value in state.items():
        if key not in expected:
            report.unexpected.append((key, tuple(value.shape)))
    dtypes = sorted({str(v.dtype) for k, v in state.items() if k in expected and v.is_floating_point()})
    if dtypes and dtypes != ["torch.float32"]:
        report.notes.append(f"checkpoint dtypes {dtypes} are converted to float32")
    return report


def load_into_model(state: Dict[str, Tensor], cfg: SegAnyConfig) -> SegAny3D:
    """Builds the eager model and loads a state dict that check_state_dict accepted (strict)."""
    model = SegAny3D(cfg)
    model.load_state_dict({k: v.to(torch.float32) for k, v in state.items()}, strict=True)
    return model.eval()


def read_and_check(path: str, cfg: SegAnyConfig, trust: bool = False,
                   drop_box_embeddings: bool = False) -> Tuple[Optional[Dict[str, Tensor]], CheckReport, str]:
    """Loads, finds and checks the weights. Returns (state or None when the check failed, report, where)."""
    state, where = extract_state_dict(load_checkpoint(path, trust=trust))
    if drop_box_embeddings:
        dropped = [k for k in BOX_EMBEDDING_KEYS if k in state]
        state = {k: v for k, v in state.items() if k not in BOX_EMBEDDING_KEYS}
    report = check_state_dict(state, cfg)
    if drop_box_embeddings and dropped:
        report.notes.append(f"dropped box-corner embeddings {dropped} (--drop-box-embeddings)")
    if not report.ok:
        others = [c.name for c in ARCHS.values() if c.name != cfg.name and check_state_dict(state, c).ok]
        if others:
            report.extra_hints.append(f"the checkpoint matches --arch {' / '.join(others)} exactly.")
    return (state if report.ok else None), report, where
