"""Interactive training of the SegAnyPET / SAM-Med3D network on datasets in Petal's format (spec §3.1).

    /usr/bin/python3 -m petal_segany.train --dataset DIR [--dataset DIR2 ...] --arch small \
        --checkpoint /tmp/run/ckpt.pt [--resume] [--time-budget-min 50] [--max-steps N] \
        [--export OUT_DIR]

Data: a dataset dir holds cases.csv (case_id,pet,label; paths relative to the dir) and labels.json
({"labels": {"1": "brain", ...}, "kinds": {"brain": "organ", "lesion": "lesion"}}). A training target is
one organ label, or one 26-connected component of a lesion-kind label. Per sample: draw organ or lesion
(probability --lesion-fraction), then a target uniformly from that pool; take the 192 mm cube around the
target's bounding-box centre (plus a uniform jitter of up to --jitter-mm per axis) from the source grid and
resample only that block to 128³ at 1.5 mm (trilinear PET, nearest label, 0 outside the volume); redraw when
the cropped target has fewer than --min-voxels voxels; z-score over voxels > 0 (unbiased std); random flip of
each axis with p 0.5.

Interaction per sample: 11 decoder iterations on one image embedding. Click k is drawn uniformly from
FN ∪ FP of the current prediction (upsampled logits > --click-threshold; at step 0 the prediction is empty,
so the first click is uniform in the target), label 1 in FN, 0 in FP. Only the newest click is fed
(--multi-click feeds all so far). The previous low-res logits are the dense prompt (zeros at step 0, not
detached, as in SAM-Med3D). At one random iteration in 2..8 and at the last one no point is fed at all: the
eager prompt encoder is called with points=None, so the sparse prompt is empty (SAM's behaviour; the exported
decoder.pt cannot do this, it needs N >= 1). Loss: Dice (sigmoid, squared_pred, smooth 1e-5) + BCE-with-logits
on the 128³ upsampled logits, summed over the 11 iterations.
"""
import argparse
import csv
import json
import math
import os
import random
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor

from .config import ARCHS, config_for
from .model import SegAny3D, build_model
from .preprocess import upsample_logits, zscore_positive

PATCH = 128
SPACING_MM = 1.5
ITERATIONS = 11
CHECKPOINT_FORMAT = "petal-segany-train-checkpoint"


# ----------------------------------------------------------------------------------------------- data

@dataclass(frozen=True)
class Target:
    dataset: int
    case: int
    label: int          # label value in the label volume
    component: int      # connected-component id for lesion kinds, 0 for organs (= whole label)
    kind: str           # "organ" or "lesion"
    centre: Tuple[float, float, float]  # bbox centre, continuous source voxel index (i, j, k)
    voxels: int         # voxels in the source grid


class Case:
    """One case; PET and label arrays are decoded once and kept in memory."""

    def __init__(self, case_id: str, pet_path: str, label_path: str):
        self.case_id = case_id
        self.pet_path = pet_path
        self.label_path = label_path
        self._pet: Optional[np.ndarray] = None
        self.label: Optional[np.ndarray] = None
        self.spacing: Optional[Tuple[float, float, float]] = None
        self.components: Dict[int, np.ndarray] = {}

    def load_label(self):
        import nibabel as nib
        img = nib.load(self.label_path)
        self.label = np.asarray(img.dataobj).astype(np.int16)
        self.spacing = tuple(float(z) for z in img.header.get_zooms()[:3])
        if self.label.ndim != 3:
            raise ValueError(f"{self.label_path}: expected a 3-D label volume, got shape {self.label.shape}")

    @property
    def pet(self) -> np.ndarray:
        if self._pet is None:
            import nibabel as nib
            img = nib.load(self.pet_path)
            pet = np.asarray(img.get_fdata(dtype=np.float32))
            if pet.shape != self.label.shape:
                raise ValueError(f"{self.case_id}: PET {pet.shape} and label {self.label.shape} differ")
            self._pet = np.ascontiguousarray(pet)
        return self._pet


class PetalDataset:
    def __init__(self, root: str, index: int):
        self.root = root
        self.index = index
        with open(os.path.join(root, "labels.json")) as f:
            meta = json.load(f)
        self.label_names = {int(k): v for k, v in meta["labels"].items()}
        self.kinds = meta.get("kinds", {})
        self.cases: List[Case] = []
        with open(os.path.join(root, "cases.csv"), newline="") as f:
            for row in csv.DictReader(f):
                self.cases.append(Case(row["case_id"], os.path.join(root, row["pet"]),
                                       os.path.join(root, row["label"])))
        if not self.cases:
            raise ValueError(f"{root}: cases.csv lists no cases")

    def kind_of(self, label: int) -> str:
        return "lesion" if self.kinds.get(self.label_names.get(label, ""), "organ") == "lesion" else "organ"


def find_targets(ds: PetalDataset, min_mm3: float) -> List[Target]:
    """Organ labels and 26-connected lesion components of every case of `ds` with volume >= min_mm3."""
    from scipy import ndimage
    out = []
    for ci, case in enumerate(ds.cases):
        case.load_label()
        voxel_mm3 = float(np.prod(case.spacing))
        present = [int(v) for v in np.unique(case.label) if v != 0]
        for value in present:
            mask = case.label == value
            if ds.kind_of(value) == "lesion":
                comps, n = ndimage.label(mask, structure=np.ones((3, 3, 3), dtype=bool))
                case.components[value] = comps.astype(np.int32)
                objects = ndimage.find_objects(comps)
                counts = np.bincount(comps.ravel(), minlength=n + 1)
                items = [(c + 1, objects[c], int(counts[c + 1])) for c in range(n)]
                kind = "lesion"
            else:
                objects = ndimage.find_objects(mask.astype(np.int8))
                items = [(0, objects[0], int(mask.sum()))]
                kind = "organ"
            for comp, sl, count in items:
                if count * voxel_mm3 < min_mm3:
                    continue
                centre = tuple((s.start + s.stop - 1) / 2.0 for s in sl)
                out.append(Target(ds.index, ci, value, comp, kind, centre, count))
    return out


def _axis_interp(block: np.ndarray, coords: np.ndarray, axis: int, nearest: bool) -> np.ndarray:
    """Samples `block` along `axis` at continuous indices `coords` (all inside [0, n-1] after clipping;
    the block carries one voxel of zero margin, so clipping reproduces 'zero outside the volume')."""
    n = block.shape[axis]
    if nearest:
        idx = np.clip(np.floor(coords + 0.5).astype(np.int64), 0, n - 1)
        return np.take(block, idx, axis=axis)
    c = np.clip(coords, 0, n - 1)
    i0 = np.clip(np.floor(c).astype(np.int64), 0, max(n - 2, 0))
    w = (c - i0).astype(np.float32)
    i1 = np.minimum(i0 + 1, n - 1)
    shape = [1, 1, 1]
    shape[axis] = len(coords)
    w = w.reshape(shape)
    return np.take(block, i0, axis=axis) * (1 - w) + np.take(block, i1, axis=axis) * w


def crop_resample(volume: np.ndarray, spacing, centre_index, size: int = PATCH, out_spacing: float = SPACING_MM,
                  nearest: bool = False) -> np.ndarray:
    """Resamples the cube of `size` voxels at `out_spacing` mm whose voxel `size // 2` sits at the continuous
    source index `centre_index` (axis-aligned, same orientation). Only the source block under the cube is
    touched; source voxels outside the volume count as 0."""
    ranges, coords = [], []
    for a in range(3):
        pos = centre_index[a] + (np.arange(size) - size // 2) * (out_spacing / spacing[a])
        lo = int(math.floor(pos[0])) - 1
        hi = int(math.floor(pos[-1])) + 2  # exclusive, with one voxel of margin each side
        ranges.append((lo, hi))
        coords.append(pos - lo)
    block = np.zeros([hi - lo for lo, hi in ranges], dtype=volume.dtype)
    src = tuple(slice(max(lo, 0), min(hi, volume.shape[a])) for a, (lo, hi) in enumerate(ranges))
    dst = tuple(slice(s.start - lo, s.stop - lo) for s, (lo, _) in zip(src, ranges))
    if all(s.stop > s.start for s in src):
        block[dst] = volume[src]
    if not nearest:
        block = block.astype(np.float32)
    for a in range(3):
        block = _axis_interp(block, coords[a], a, nearest)
    return np.ascontiguousarray(block)


@dataclass
class Sample:
    image: Tensor     # (1, 1, 128, 128, 128) float32, z-scored
    target: Tensor    # (1, 1, 128, 128, 128) float32 0/1
    info: Dict


class Sampler:
    def __init__(self, dataset_dirs: List[str], rng: np.random.Generator, min_voxels: int = 20,
                 lesion_fraction: float = 0.5, jitter_mm: float = 12.0, flip: bool = True):
        self.datasets = [PetalDataset(d, i) for i, d in enumerate(dataset_dirs)]
        self.rng = rng
        self.min_voxels = min_voxels
        self.jitter_mm = jitter_mm
        self.flip = flip
        min_mm3 = min_voxels * SPACING_MM ** 3
        targets = [t for ds in self.datasets for t in find_targets(ds, min_mm3)]
        self.pools = {k: [t for t in targets if t.kind == k] for k in ("organ", "lesion")}
        if not targets:
            raise ValueError("no training targets (organ labels or lesion components) in the dataset(s)")
        self.lesion_fraction = lesion_fraction if self.pools["lesion"] and self.pools["organ"] else \
            (1.0 if self.pools["lesion"] else 0.0)

    def summary(self) -> Dict:
        return {"datasets": [{"dir": os.path.abspath(ds.root), "cases": len(ds.cases)} for ds in self.datasets],
                "organ_targets": len(self.pools["organ"]), "lesion_targets": len(self.pools["lesion"]),
                "min_voxels_at_1.5mm": self.min_voxels, "lesion_fraction": self.lesion_fraction,
                "jitter_mm": self.jitter_mm}

    def draw_target(self) -> Target:
        kind = "lesion" if self.rng.random() < self.lesion_fraction else "organ"
        pool = self.pools[kind]
        return pool[int(self.rng.integers(len(pool)))]

    def make(self, t: Target, jitter: Tuple[float, float, float] = (0.0, 0.0, 0.0),
             flips: Tuple[bool, bool, bool] = (False, False, False)) -> Optional[Sample]:
        case = self.datasets[t.dataset].cases[t.case]
        centre = tuple(t.centre[a] + jitter[a] / case.spacing[a] for a in range(3))
        pet = crop_resample(case.pet, case.spacing, centre)
        source = case.components[t.label] if t.component else case.label
        labels = crop_resample(source, case.spacing, centre, nearest=True)
        mask = labels == (t.component if t.component else t.label)
        if int(mask.sum()) < self.min_voxels:
            return None
        axes = tuple(a for a in range(3) if flips[a])
        if axes:
            pet = np.flip(pet, axes)
            mask = np.flip(mask, axes)
        try:
            z = zscore_positive(np.ascontiguousarray(pet))
        except ValueError:
            return None
        image = z.normalised.reshape(1, 1, PATCH, PATCH, PATCH)
        target = torch.from_numpy(np.ascontiguousarray(mask, dtype=np.float32)).reshape(1, 1, PATCH, PATCH, PATCH)
        info = {"case": case.case_id, "label": t.label, "component": t.component, "kind": t.kind,
                "jitter_mm": list(jitter), "flips": list(flips), "target_voxels": int(mask.sum())}
        return Sample(image, target, info)

    def next(self, max_tries: int = 50) -> Sample:
        for _ in range(max_tries):
            t = self.draw_target()
            jitter = tuple(float(x) for x in self.rng.uniform(-self.jitter_mm, self.jitter_mm, 3))
            flips = tuple(bool(x) for x in (self.rng.random(3) < 0.5)) if self.flip else (False,) * 3
            s = self.make(t, jitter, flips)
            if s is not None:
                return s
        raise RuntimeError(f"no usable sample in {max_tries} draws (targets too small after cropping?)")


# ------------------------------------------------------------------------------------------- loss

def dice_ce_loss(logits: Tensor, target: Tensor, smooth: float = 1e-5) -> Tensor:
    """MONAI DiceCELoss(sigmoid=True, squared_pred=True, reduction='mean') for one channel:
    Dice over the spatial dims per (batch, channel), averaged, plus BCE-with-logits averaged over voxels."""
    p = torch.sigmoid(logits)
    dims = tuple(range(2, logits.dim()))
    intersection = (p * target).sum(dims)
    denominator = (p * p).sum(dims) + (target * target).sum(dims)
    dice = 1.0 - (2.0 * intersection + smooth) / (denominator + smooth)
    return dice.mean() + F.binary_cross_entropy_with_logits(logits, target)


def hard_dice(logits: Tensor, target: Tensor) -> float:
    pred = logits > 0
    gt = target > 0.5
    denom = int(pred.sum()) + int(gt.sum())
    return 1.0 if denom == 0 else 2.0 * int((pred & gt).sum()) / denom


# ------------------------------------------------------------------------------------ interaction

def next_click(pred: Tensor, gt: Tensor, gen: torch.Generator) -> Tuple[List[float], float]:
    """Uniform voxel of FN ∪ FP (bool (S,S,S) tensors); label 1 if in FN. Falls back to a GT voxel."""
    fn = gt & ~pred
    err = fn | (pred & ~gt)
    idx = torch.nonzero(err.reshape(-1)).squeeze(1)
    if idx.numel() == 0:
        idx = torch.nonzero(gt.reshape(-1)).squeeze(1)
    flat = int(idx[int(torch.randint(idx.numel(), (1,), generator=gen))])
    s = gt.shape
    point = [float(flat // (s[1] * s[2])), float((flat // s[2]) % s[1]), float(flat % s[2])]
    return point, float(bool(fn.reshape(-1)[flat]))


def interaction(model: SegAny3D, sample: Sample, gen: torch.Generator, multi_click: bool = False,
                iterations: int = ITERATIONS, click_threshold: float = 0.0,
                no_point_step: Optional[int] = None) -> Tuple[Tensor, float, Dict]:
    """Runs the simulated click session on one sample; returns (summed loss, last-iteration Dice, info)."""
    embedding = model.image_encoder(sample.image)
    pe = model.prompt_encoder.get_dense_pe()
    m = model.config.low_res_size
    prev_low = torch.zeros((1, 1, m, m, m), dtype=embedding.dtype, device=embedding.device)
    gt = sample.target.to(embedding.device)
    gt_bool = gt[0, 0] > 0.5
    pred = torch.zeros_like(gt_bool)
    if no_point_step is None:
        no_point_step = int(torch.randint(2, 9, (1,), generator=gen))
    points, labels = [], []
    total = embedding.new_zeros(())
    up = None
    for k in range(iterations):
        point, label = next_click(pred.cpu(), gt_bool.cpu(), gen)
        points.append(point)
        labels.append(label)
        if k == no_point_step or k == iterations - 1:
            prompt = None
        else:
            use = slice(None) if multi_click else slice(-1, None)
            prompt = (torch.tensor([points[use]], dtype=embedding.dtype, device=embedding.device),
                      torch.tensor([labels[use]], dtype=embedding.dtype, device=embedding.device))
        sparse, dense = model.prompt_encoder(points=prompt, boxes=None, masks=prev_low)
        low, _ = model.mask_decoder(image_embeddings=embedding, image_pe=pe, sparse_prompt_embeddings=sparse,
                                    dense_prompt_embeddings=dense, multimask_output=False)
        up = upsample_logits(low, PATCH)
        total = total + dice_ce_loss(up, gt)
        prev_low = low
        with torch.no_grad():
            pred = up[0, 0] > click_threshold
    return total, hard_dice(up.detach(), gt), {"no_point_step": no_point_step, "clicks": len(points)}


# ------------------------------------------------------------------------------------- training

def make_optimizer(model: SegAny3D, lr: float, weight_decay: float = 0.1) -> torch.optim.Optimizer:
    encoder = list(model.image_encoder.parameters())
    rest = list(model.prompt_encoder.parameters()) + list(model.mask_decoder.parameters())
    return torch.optim.AdamW([{"params": encoder, "lr": lr}, {"params": rest, "lr": lr * 0.1}],
                             lr=lr, weight_decay=weight_decay)


def atomic_save(obj, path: str):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def git_commit() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=here, capture_output=True,
                               text=True, timeout=10).stdout.strip()
        return commit + ("-dirty" if dirty else "") if commit else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


class Trainer:
    def __init__(self, args: argparse.Namespace, log=print):
        self.args = args
        self.log = log
        self.device = torch.device(args.device)
        random.seed(args.seed)
        np.random.seed(args.seed)
        torch.manual_seed(args.seed)
        self.rng = np.random.default_rng(args.seed)
        self.gen = torch.Generator().manual_seed(args.seed + 1)
        self.sampler = Sampler(args.dataset, self.rng, min_voxels=args.min_voxels,
                               lesion_fraction=args.lesion_fraction, jitter_mm=args.jitter_mm,
                               flip=not args.no_flip)
        self.model = build_model(config_for(args.arch), seed=args.seed).to(self.device).train()
        self.optimizer = make_optimizer(self.model, args.lr, args.weight_decay)
        self.scheduler = torch.optim.lr_scheduler.MultiStepLR(self.optimizer, milestones=list(args.milestones),
                                                              gamma=args.gamma)
        self.step = 0
        self.samples_seen = 0
        self.history: List[Dict] = []  # one entry per optimizer step: loss, dice
        self.train_seconds = 0.0

    # -- checkpoints
    def state(self) -> Dict:
        return {"format": CHECKPOINT_FORMAT, "format_version": 1,
                "args": {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(self.args).items()},
                "arch": self.args.arch,
                "model_state_dict": self.model.state_dict(),
                "optimizer": self.optimizer.state_dict(),
                "scheduler": self.scheduler.state_dict(),
                "step": self.step, "samples_seen": self.samples_seen, "train_seconds": self.train_seconds,
                "history": self.history,
                "rng": {"python": random.getstate(), "numpy_global": np.random.get_state(),
                        "numpy": self.rng.bit_generator.state, "torch": torch.get_rng_state(),
                        "torch_gen": self.gen.get_state()}}

    def save(self, path: str):
        atomic_save(self.state(), path)

    def load(self, path: str):
        ck = torch.load(path, map_location=self.device)  # our own file: trusted
        if ck.get("format") != CHECKPOINT_FORMAT:
            raise ValueError(f"{path}: not a {CHECKPOINT_FORMAT} file")
        if ck["arch"] != self.args.arch:
            raise ValueError(f"{path}: checkpoint arch {ck['arch']} != --arch {self.args.arch}")
        self.model.load_state_dict(ck["model_state_dict"], strict=True)
        self.optimizer.load_state_dict(ck["optimizer"])
        self.scheduler.load_state_dict(ck["scheduler"])
        self.step = ck["step"]
        self.samples_seen = ck["samples_seen"]
        self.train_seconds = ck.get("train_seconds", 0.0)
        self.history = list(ck.get("history", []))
        rng = ck["rng"]
        random.setstate(rng["python"])
        np.random.set_state(rng["numpy_global"])
        self.rng.bit_generator.state = rng["numpy"]
        torch.set_rng_state(rng["torch"])
        self.gen.set_state(rng["torch_gen"])

    # -- one optimizer step (args.accumulate samples)
    def train_step(self) -> Tuple[float, float]:
        self.optimizer.zero_grad(set_to_none=True)
        losses, dices = [], []
        for _ in range(self.args.accumulate):
            sample = self.sampler.next()
            sample.image = sample.image.to(self.device)
            sample.target = sample.target.to(self.device)
            loss, dice, _ = interaction(self.model, sample, self.gen, multi_click=self.args.multi_click,
                                        iterations=self.args.iterations, click_threshold=self.args.click_threshold)
            if not torch.isfinite(loss):
                raise FloatingPointError(f"non-finite loss at step {self.step}: {sample.info}")
            (loss / self.args.accumulate).backward()
            losses.append(float(loss))
            dices.append(dice)
            self.samples_seen += 1
        self.optimizer.step()
        self.scheduler.step()
        self.step += 1
        loss, dice = float(np.mean(losses)), float(np.mean(dices))
        self.history.append({"step": self.step, "loss": loss, "dice": dice})
        return loss, dice

    def run(self) -> Dict:
        a = self.args
        start = time.time()
        last_save = start
        budget = a.time_budget_min * 60 if a.time_budget_min else None
        window: List[Tuple[float, float, float]] = []
        step_times: List[float] = []
        stop_reason = "max_steps"
        while self.step < a.max_steps:
            if budget is not None:
                elapsed = time.time() - start
                estimate = float(np.median(step_times[-20:])) if step_times else 0.0
                if elapsed + estimate > budget:
                    stop_reason = "time_budget"
                    break
            t0 = time.time()
            loss, dice = self.train_step()
            dt = time.time() - t0
            step_times.append(dt)
            self.train_seconds += dt
            window.append((loss, dice, dt))
            if self.step % a.log_every == 0 or self.step == a.max_steps:
                n = len(window)
                mean_loss = sum(w[0] for w in window) / n
                mean_dice = sum(w[1] for w in window) / n
                sec = sum(w[2] for w in window) / n
                remaining = (a.max_steps - self.step) * sec
                if budget is not None:
                    remaining = min(remaining, max(budget - (time.time() - start), 0.0))
                self.log(f"step {self.step:6d}  loss {mean_loss:7.4f}  dice(last it) {mean_dice:.3f}  "
                         f"{a.accumulate / sec:.3f} samples/s  {sec:.2f} s/step  "
                         f"lr {self.optimizer.param_groups[0]['lr']:.2e}  ETA {remaining / 60:.1f} min")
                window = []
            if a.checkpoint and a.save_every_min and time.time() - last_save > a.save_every_min * 60:
                self.save(a.checkpoint)
                last_save = time.time()
        if a.checkpoint:
            self.save(a.checkpoint)
        recent = self.history[-50:]
        result = {"steps": self.step, "samples_seen": self.samples_seen, "stop_reason": stop_reason,
                  "seconds_this_run": round(time.time() - start, 1),
                  "train_seconds_total": round(self.train_seconds, 1),
                  "seconds_per_step": round(float(np.median(step_times)), 3) if step_times else None,
                  "final_loss_mean_last_50": float(np.mean([h["loss"] for h in recent])) if recent else None,
                  "final_dice_mean_last_50": float(np.mean([h["dice"] for h in recent])) if recent else None}
        self.log("done: " + json.dumps(result))
        return result


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="petal_segany.train", description=__doc__.split("\n\n")[0])
    p.add_argument("--dataset", action="append", required=True, help="dataset dir in Petal's format (repeatable)")
    p.add_argument("--dataset-note", action="append", default=[],
                   help="free text recorded in model-info.json, e.g. how the dataset was generated (repeatable)")
    p.add_argument("--arch", default="small", choices=sorted(ARCHS))
    p.add_argument("--lr", type=float, default=8e-4, help="image encoder lr; prompt encoder + decoder get lr/10")
    p.add_argument("--weight-decay", type=float, default=0.1)
    p.add_argument("--milestones", type=int, nargs="*", default=[], help="MultiStepLR milestones (optimizer steps)")
    p.add_argument("--gamma", type=float, default=0.1)
    p.add_argument("--accumulate", type=int, default=1, help="samples per optimizer step (batch 1 each)")
    p.add_argument("--max-steps", type=int, default=10 ** 9)
    p.add_argument("--time-budget-min", type=float, default=None,
                   help="stop cleanly (and save) before this many minutes of this run have passed")
    p.add_argument("--iterations", type=int, default=ITERATIONS,
                   help="decoder iterations per sample (the recipe: 11; fewer only to make tests fast)")
    p.add_argument("--multi-click", action="store_true", help="feed all clicks so far, not only the newest")
    p.add_argument("--click-threshold", type=float, default=0.0,
                   help="prediction = upsampled logit > this when drawing clicks (SAM-Med3D code: 0.5)")
    p.add_argument("--min-voxels", type=int, default=20, help="skip targets under this many 1.5 mm voxels")
    p.add_argument("--lesion-fraction", type=float, default=0.5, help="probability of drawing a lesion target")
    p.add_argument("--jitter-mm", type=float, default=12.0, help="uniform crop-centre jitter per axis, ± mm")
    p.add_argument("--no-flip", action="store_true")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu", choices=["cpu", "cuda"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--checkpoint", default=None, help="checkpoint file (written atomically)")
    p.add_argument("--resume", action="store_true", help="continue from --checkpoint")
    p.add_argument("--save-every-min", type=float, default=5.0)
    p.add_argument("--log-every", type=int, default=10)
    p.add_argument("--export", default=None, help="export dir (encoder.pt, decoder.pt, model-info.json) at the end")
    args = p.parse_args(argv)
    if args.resume and not args.checkpoint:
        p.error("--resume needs --checkpoint")
    if args.iterations < 1:
        p.error("--iterations must be >= 1")
    if args.accumulate < 1:
        p.error("--accumulate must be >= 1")
    return args


def export_run(trainer: Trainer, result: Dict, out_dir: str, argv: List[str]) -> Dict:
    from .export import export
    import hashlib
    datasets = []
    for ds in trainer.sampler.datasets:
        with open(os.path.join(ds.root, "cases.csv"), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        datasets.append({"dir": os.path.abspath(ds.root), "cases": len(ds.cases), "cases_csv_sha256": digest})
    a = trainer.args
    source = {"kind": "trained with petal_segany.train",
              "command": "/usr/bin/python3 -m petal_segany.train " + shlex.join(argv),
              "datasets": datasets, "dataset_notes": a.dataset_note,
              "sampler": trainer.sampler.summary(),
              "recipe": {"iterations": a.iterations, "multi_click": a.multi_click, "lr_encoder": a.lr,
                         "lr_prompt_decoder": a.lr * 0.1, "weight_decay": a.weight_decay,
                         "milestones": a.milestones, "gamma": a.gamma, "accumulate": a.accumulate,
                         "click_threshold": a.click_threshold, "seed": a.seed},
              "steps": trainer.step, "samples_seen": trainer.samples_seen,
              "final_loss": result.get("final_loss_mean_last_50"),
              "final_dice_last_iteration": result.get("final_dice_mean_last_50"),
              "seconds_per_step": result.get("seconds_per_step"),
              "train_seconds_total": result.get("train_seconds_total"),
              "device": a.device, "torch_threads": torch.get_num_threads(),
              "git_commit": git_commit()}
    trainer.model.eval()
    return export(trainer.model, out_dir, source)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    log = lambda msg: print(msg, flush=True)  # noqa: E731
    trainer = Trainer(args, log)
    log(f"arch {args.arch}: {sum(p.numel() for p in trainer.model.parameters()):,} parameters; "
        f"targets: {json.dumps(trainer.sampler.summary())}")
    if args.resume:
        if os.path.exists(args.checkpoint):
            trainer.load(args.checkpoint)
            log(f"resumed from {args.checkpoint} at step {trainer.step}")
        else:
            log(f"no checkpoint at {args.checkpoint}: starting from scratch")
    result = trainer.run()
    if args.export:
        info = export_run(trainer, result, args.export, argv)
        log(f"exported to {args.export}: {json.dumps(info.get('export_check'))}")
    return result


if __name__ == "__main__":
    main()
