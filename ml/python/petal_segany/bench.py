"""Times the eager encoder per 128³ window and one decoder click step (N = 5 clicks):
python -m petal_segany.bench --arch small [--threads 2] [--repeats 5]."""
import argparse
import statistics
import time

import torch

from .config import config_for
from .model import PromptDecoder, build_model


def time_encoder(arch: str, threads: int = 2, repeats: int = 5, warmup: int = 1) -> dict:
    torch.set_num_threads(threads)
    cfg = config_for(arch)
    model = build_model(cfg)
    x = torch.randn(1, 1, cfg.img_size, cfg.img_size, cfg.img_size)
    times, decoder_times = [], []
    decoder = PromptDecoder(model.prompt_encoder, model.mask_decoder)
    points = torch.randint(0, cfg.img_size, (1, 5, 3)).to(torch.float32)
    labels = torch.tensor([[1.0, 0.0, 1.0, 1.0, 0.0]])
    prev = torch.zeros(1, 1, cfg.low_res_size, cfg.low_res_size, cfg.low_res_size)
    with torch.inference_mode():
        for i in range(warmup + repeats):
            t0 = time.perf_counter()
            embedding = model.image_encoder(x)
            t1 = time.perf_counter()
            decoder(embedding, points, labels, prev)
            if i >= warmup:
                times.append(t1 - t0)
                decoder_times.append(time.perf_counter() - t1)
    return {"arch": arch, "threads": threads, "median_s": statistics.median(times),
            "min_s": min(times), "max_s": max(times), "repeats": repeats,
            "decoder_median_s": statistics.median(decoder_times)}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--arch", default="small")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args(argv)
    r = time_encoder(a.arch, a.threads, a.repeats)
    print(f"{r['arch']}: encoder median {r['median_s']:.3f} s (min {r['min_s']:.3f}, max {r['max_s']:.3f}) "
          f"per {config_for(a.arch).img_size}³ window; decoder {r['decoder_median_s']:.3f} s per click step; "
          f"{r['threads']} threads, {r['repeats']} runs")


if __name__ == "__main__":
    main()
