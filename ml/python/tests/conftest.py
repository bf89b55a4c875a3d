import os
import sys

import pytest
import torch

# Runs from ml/python (Maven, README) or from anywhere else.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from petal_segany.config import SMALL, TINY, VIT_B_ORI  # noqa: E402
from petal_segany.export import export  # noqa: E402
from petal_segany.model import build_model, perturb_for_testing  # noqa: E402

# The machine has 2 cores shared with other work.
torch.set_num_threads(2)


def a_model(cfg, seed=1):
    """Freshly built model with every parameter perturbed, so zero-initialised rel-pos tables, pos_embed
    and biases carry signal through each code path."""
    return perturb_for_testing(build_model(cfg, seed=seed), seed=seed + 100)


@pytest.fixture(scope="session")
def tiny_model():
    return a_model(TINY)


@pytest.fixture(scope="session")
def small_model():
    return a_model(SMALL)


@pytest.fixture(scope="session")
def full_model():
    return a_model(VIT_B_ORI)


@pytest.fixture(scope="session")
def full_export(full_model, tmp_path_factory):
    """vit_b_ori exported once per session, with one eager and one scripted encoder pass (~30 s each on
    2 cores) on the same crop."""
    out = str(tmp_path_factory.mktemp("vit_b_ori_export"))
    export(full_model, out, {"test": "full-size fixture"}, verify=False)
    encoder = torch.jit.load(os.path.join(out, "encoder.pt"))
    decoder = torch.jit.load(os.path.join(out, "decoder.pt"))
    image = torch.randn((1, 1, 128, 128, 128), generator=torch.Generator().manual_seed(7))
    with torch.inference_mode():
        eager_embedding = full_model.image_encoder(image)
        scripted_embedding = encoder(image)
    return {"dir": out, "encoder": encoder, "decoder": decoder, "image": image,
            "eager_embedding": eager_embedding, "scripted_embedding": scripted_embedding}
