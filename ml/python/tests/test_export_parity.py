import json
import os

import pytest
import torch

from petal_segany.export import export
from petal_segany.model import PromptDecoder

CLICK_COUNTS = (1, 2, 5, 10)
TOL = 1e-5


def clicks(n, seed):
    gen = torch.Generator().manual_seed(seed)
    points = torch.randint(0, 128, (1, n, 3), generator=gen).to(torch.float32)
    labels = torch.randint(0, 2, (1, n), generator=gen).to(torch.float32)
    return points, labels


def max_diff(a, b):
    return (a - b).abs().max().item()


@torch.inference_mode()
def assert_decoder_matches_eager(model, decoder, embedding):
    """Click runs of N = 1, 2, 5, 10, each fed the previous logits, done twice so that the profiling
    executor's optimised graph (built after the first calls) is compared too."""
    eager = PromptDecoder(model.prompt_encoder, model.mask_decoder)
    for round_ in range(2):
        prev = torch.zeros(1, 1, 32, 32, 32)
        for n in CLICK_COUNTS:
            points, labels = clicks(n, seed=10 * n + round_)
            want = eager(embedding, points, labels, prev)
            got = decoder(embedding, points, labels, prev)
            assert got.shape == (1, 1, 32, 32, 32)
            assert max_diff(got, want) <= TOL, f"N={n}"
            prev = want


@pytest.fixture(scope="module", params=["tiny_model", "small_model"])
def exported_small_size(request, tmp_path_factory):
    model = request.getfixturevalue(request.param)
    out = str(tmp_path_factory.mktemp(request.param))
    info = export(model, out, {"test": request.param}, verify=False)
    return model, out, info


@torch.inference_mode()
def test_scripted_encoder_and_decoder_equal_eager_for_1_2_5_10_clicks(exported_small_size):
    model, out, _ = exported_small_size
    encoder = torch.jit.load(os.path.join(out, "encoder.pt"))
    decoder = torch.jit.load(os.path.join(out, "decoder.pt"))
    image = torch.randn((1, 1, 128, 128, 128), generator=torch.Generator().manual_seed(3))
    embedding = model.image_encoder(image)
    assert max_diff(encoder(image), embedding) <= TOL
    assert_decoder_matches_eager(model, decoder, embedding)


def test_scripted_full_size_encoder_equals_eager(full_export):
    assert full_export["scripted_embedding"].shape == (1, 384, 8, 8, 8)
    assert max_diff(full_export["scripted_embedding"], full_export["eager_embedding"]) <= TOL


def test_scripted_full_size_decoder_equals_eager_for_1_2_5_10_clicks(full_model, full_export):
    assert_decoder_matches_eager(full_model, full_export["decoder"], full_export["eager_embedding"])


def test_full_size_model_info_states_the_io_contract(full_export):
    with open(os.path.join(full_export["dir"], "model-info.json")) as f:
        info = json.load(f)
    assert info["architecture"] == "vit_b_ori"
    assert info["parameter_count"]["state_dict_numel"] == 100_509_616
    assert (info["patch"], info["spacing_mm"], info["label_dtype"]) == (128, 1.5, "float32")
    enc, dec = info["io"]["encoder.pt"], info["io"]["decoder.pt"]
    assert enc["inputs"][0]["shape"] == [1, 1, 128, 128, 128]
    assert enc["outputs"][0]["shape"] == [1, 384, 8, 8, 8]
    assert [i["name"] for i in dec["inputs"]] == ["image_embedding", "points", "labels", "prev_low_res_logits"]
    assert dec["inputs"][1]["shape"] == [1, "N", 3]
    assert dec["outputs"][0]["shape"] == [1, 1, 32, 32, 32]
    assert "unbiased std" in info["normalisation"] and "align_corners=False" in info["threshold"]


@torch.inference_mode()
def test_decoder_gives_the_same_logits_for_integer_and_float_labels(exported_small_size):
    model, out, _ = exported_small_size
    decoder = torch.jit.load(os.path.join(out, "decoder.pt"))
    embedding = torch.randn(1, model.config.prompt_embed_dim, 8, 8, 8)
    points, labels = clicks(3, seed=1)
    prev = torch.zeros(1, 1, 32, 32, 32)
    want = decoder(embedding, points, labels, prev)
    assert torch.equal(decoder(embedding, points, labels.to(torch.int64), prev), want)
    assert torch.equal(decoder(embedding, points, labels.to(torch.int32), prev), want)


@pytest.mark.parametrize("labels, points, message", [
    (torch.tensor([[2.0]]), torch.zeros(1, 1, 3), "labels must be 0 (exclude) or 1 (include)"),
    (torch.tensor([[-1.0]]), torch.zeros(1, 1, 3), "labels must be 0 (exclude) or 1 (include)"),
    (torch.zeros(1, 0), torch.zeros(1, 0, 3), "N >= 1"),
    (torch.zeros(1, 2), torch.zeros(1, 1, 3), "labels must have shape (B, N)"),
])
def test_decoder_refuses_bad_clicks(exported_small_size, labels, points, message):
    model, out, _ = exported_small_size
    decoder = torch.jit.load(os.path.join(out, "decoder.pt"))
    embedding = torch.zeros(1, model.config.prompt_embed_dim, 8, 8, 8)
    with pytest.raises(Exception, match=message.replace("(", r"\(").replace(")", r"\)")):
        decoder(embedding, points, labels, torch.zeros(1, 1, 32, 32, 32))


def test_encoder_refuses_a_crop_of_the_wrong_size(exported_small_size):
    _, out, _ = exported_small_size
    encoder = torch.jit.load(os.path.join(out, "encoder.pt"))
    with pytest.raises(Exception, match="image must have shape"):
        encoder(torch.zeros(1, 1, 96, 128, 128))


def test_full_size_exported_files_hold_the_original_state_dict_names(full_model, full_export):
    encoder_keys = set(full_export["encoder"].state_dict())
    decoder_keys = set(full_export["decoder"].state_dict())
    assert encoder_keys.isdisjoint(decoder_keys)
    assert encoder_keys | decoder_keys == set(full_model.state_dict())
