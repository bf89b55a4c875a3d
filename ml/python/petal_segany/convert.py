"""Official checkpoint -> encoder.pt, decoder.pt, model-info.json for DJL.

    /usr/bin/python3 -m petal_segany.convert --checkpoint X.pth --arch vit_b_ori --out DIR

Exit status: 0 exported; 2 the weights do not match the architecture (report on stderr, nothing
written); 1 the file could not be read as a checkpoint.
"""
import argparse
import os
import sys

import torch

from .checkpoint import CheckpointError, load_into_model, read_and_check, sha256_of
from .config import ARCHS, config_for
from .export import export

EXIT_OK, EXIT_UNREADABLE, EXIT_MISMATCH = 0, 1, 2


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m petal_segany.convert", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True, help=".pth file (state dict, or a dict holding one)")
    p.add_argument("--arch", default="vit_b_ori", choices=sorted(ARCHS))
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--trust-checkpoint", action="store_true",
                   help="unpickle with plain pickle instead of the allowlist (can run code from the file)")
    p.add_argument("--drop-box-embeddings", action="store_true",
                   help="drop point_embeddings.2/.3 of bbox checkpoints and use the rest for points only")
    p.add_argument("--no-verify", action="store_true",
                   help="skip comparing the saved TorchScript with eager PyTorch (saves two encoder passes)")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    cfg = config_for(a.arch)

    try:
        state, report, where = read_and_check(a.checkpoint, cfg, trust=a.trust_checkpoint,
                                              drop_box_embeddings=a.drop_box_embeddings)
    except CheckpointError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(f"{a.checkpoint}: weights found in {where}", file=sys.stderr)
    print(report.format(), file=sys.stderr)
    if state is None:
        return EXIT_MISMATCH

    model = load_into_model(state, cfg)
    source = {"checkpoint_file": os.path.basename(a.checkpoint),
              "checkpoint_sha256": sha256_of(a.checkpoint),
              "state_dict_location": where,
              "loader": "plain pickle (--trust-checkpoint)" if a.trust_checkpoint else "allowlist unpickler",
              "notes": report.notes}
    info = export(model, a.out, source, verify=not a.no_verify)
    check = info.get("export_check")
    if check:
        print(f"verified: encoder max |diff| {check['encoder_max_abs_diff']:.2e}, decoder max |diff| "
              f"{check['decoder_max_abs_diff']:.2e} (N = {check['click_counts']})", file=sys.stderr)
    print(f"wrote {a.out}/encoder.pt, decoder.pt, model-info.json "
          f"({info['parameter_count']['state_dict_numel']:,} weights)", file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
