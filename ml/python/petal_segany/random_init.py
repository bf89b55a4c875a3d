"""Saves a randomly initialised checkpoint in the official container layout ({"model_state_dict": ...}).

    /usr/bin/python3 -m petal_segany.random_init --arch small --out DIR [--seed S] [--perturb]

Writes DIR/<arch>-random-seed<S>.pth. --perturb adds small noise to every parameter so that
zero-initialised tensors (rel-pos, pos_embed, biases) are non-zero: use it for parity/golden files,
where every code path should carry signal.
"""
import argparse
import os
import sys

import torch

from .config import ARCHS, config_for
from .model import build_model, perturb_for_testing


def save_random_checkpoint(arch: str, path: str, seed: int = 0, perturb: bool = False) -> str:
    model = build_model(config_for(arch), seed=seed)
    if perturb:
        perturb_for_testing(model, seed=seed + 1)
    torch.save({"model_state_dict": model.state_dict()}, path)
    return path


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m petal_segany.random_init", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", default="small", choices=sorted(ARCHS))
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--perturb", action="store_true")
    a = p.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, f"{a.arch}-random-seed{a.seed}{'-perturbed' if a.perturb else ''}.pth")
    save_random_checkpoint(a.arch, path, a.seed, a.perturb)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
