"""Times the eager encoder per 128³ window: python -m petal_segany.bench --arch small [--threads 2]."""
import argparse
import statistics
import time

import torch

from .config import config_for
from .model import build_model


def time_encoder(arch: str, threads: int = 2, repeats: int = 5, warmup: int = 1) -> dict:
    torch.set_num_threads(threads)
    cfg = config_for(arch)
    model = build_model(cfg)
    x = torch.randn(1, 1, cfg.img_size, cfg.img_size, cfg.img_size)
    times = []
    with torch.inference_mode():
        for i in range(warmup + repeats):
            t0 = time.perf_counter()
            model.image_encoder(x)
            if i >= warmup:
                times.append(time.perf_counter() - t0)
    return {"arch": arch, "threads": threads, "median_s": statistics.median(times),
            "min_s": min(times), "max_s": max(times), "repeats": repeats}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--arch", default="small")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args(argv)
    r = time_encoder(a.arch, a.threads, a.repeats)
    print(f"{r['arch']}: encoder median {r['median_s']:.3f} s (min {r['min_s']:.3f}, max {r['max_s']:.3f}) "
          f"per {config_for(a.arch).img_size}³ window, {r['threads']} threads, {r['repeats']} runs")


if __name__ == "__main__":
    main()
