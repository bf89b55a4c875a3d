"""petal_segany.train on a tiny synthetic dataset written here with nibabel (2 cases: an organ, two lesions)."""
import json
import os

import numpy as np
import pytest
import torch

from petal_segany import train

nib = pytest.importorskip("nibabel")

SHAPE = (40, 36, 30)
SPACING = 3.0
LESION_CENTRES = [(12, 10, 9), (28, 26, 20)]  # case 0; case 1 shifts them by (1, 2, 1)


def _ball(shape, centre, radius):
    grid = np.indices(shape)
    return sum((g - c) ** 2 for g, c in zip(grid, centre)) <= radius ** 2


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("ds")
    affine = np.diag([SPACING, SPACING, SPACING, 1.0])
    rows = ["case_id,pet,label"]
    for case in range(2):
        shift = np.array([case, 2 * case, case])
        pet = np.full(SHAPE, 1.0, dtype=np.float32)
        label = np.zeros(SHAPE, dtype=np.uint8)
        organ = (slice(18, 30), slice(4, 16), slice(14, 26))
        label[organ] = 1
        pet[organ] = 3.0
        for c in LESION_CENTRES:
            ball = _ball(SHAPE, np.array(c) + shift, 2)
            label[ball] = 2
            pet[ball] = 8.0
        pet += np.random.default_rng(case).normal(0, 0.05, SHAPE).astype(np.float32)
        os.makedirs(root / f"c{case}")
        nib.save(nib.Nifti1Image(pet, affine), str(root / f"c{case}" / "pet.nii.gz"))
        nib.save(nib.Nifti1Image(label, affine), str(root / f"c{case}" / "label.nii.gz"))
        rows.append(f"c{case},c{case}/pet.nii.gz,c{case}/label.nii.gz")
    (root / "cases.csv").write_text("\n".join(rows) + "\n")
    (root / "labels.json").write_text(json.dumps({"labels": {"1": "liver", "2": "lesion"},
                                                  "kinds": {"liver": "organ", "lesion": "lesion"}}))
    return str(root)


def _args(dataset, tmp_path, *extra):
    return train.parse_args(["--dataset", dataset, "--arch", "tiny", "--device", "cpu", "--log-every", "1",
                             "--iterations", "3", "--checkpoint", str(tmp_path / "ck.pt"), *extra])


def test_targets_are_the_organ_and_each_26_connected_lesion_component(dataset):
    sampler = train.Sampler([dataset], np.random.default_rng(0))
    assert len(sampler.pools["organ"]) == 2
    assert len(sampler.pools["lesion"]) == 4
    centres = sorted(t.centre for t in sampler.pools["lesion"] if t.case == 0)
    assert centres == [tuple(float(x) for x in c) for c in LESION_CENTRES]


def test_crop_resample_places_the_centre_at_index_64_and_pads_with_zeros():
    vol = np.arange(20, dtype=np.float32)[:, None, None] * np.ones((20, 4, 4), dtype=np.float32)
    out = train.crop_resample(vol, (3.0, 3.0, 3.0), (10.0, 1.5, 1.5), size=16, out_spacing=1.5)
    # Voxel 8 (= size // 2) at source index 10; 1.5 mm steps are half a source voxel.
    assert out[8, 8, 8] == pytest.approx(10.0)
    assert out[9, 8, 8] == pytest.approx(10.5)
    assert out[8, 0, 0] == 0.0  # axis 1 at source index -2.5: outside the volume
    lab = train.crop_resample(np.ones((4, 4, 4), dtype=np.int16), (3.0,) * 3, (1.5, 1.5, 1.5), size=16,
                              out_spacing=1.5, nearest=True)
    assert lab[0, 0, 0] == 0 and lab[8, 8, 8] == 1  # outside the volume: 0


def test_sampler_centres_the_target_and_flips_keep_image_and_label_aligned(dataset):
    sampler = train.Sampler([dataset], np.random.default_rng(0))
    lesion = next(t for t in sampler.pools["lesion"] if t.case == 0)
    plain = sampler.make(lesion)
    mask = plain.target[0, 0].numpy() > 0.5
    # A radius-2 ball of 3 mm voxels is about 33 source voxels, ~264 at 1.5 mm.
    assert 150 < mask.sum() < 400
    centroid = np.argwhere(mask).mean(axis=0)
    assert np.all(np.abs(centroid - 64) <= 1.0), centroid
    image = plain.image[0, 0].numpy()
    assert abs(image[image > image.min()].mean()) < 0.5  # z-scored over positive voxels
    assert image[mask].mean() > image[~mask].mean() + 1.0  # the hot lesion is under the label

    flipped = sampler.make(lesion, flips=(True, False, True))
    assert torch.equal(flipped.image, torch.flip(plain.image, dims=(2, 4)))
    assert torch.equal(flipped.target, torch.flip(plain.target, dims=(2, 4)))
    shifted = sampler.make(lesion, jitter=(6.0, 0.0, 0.0))
    centroid = np.argwhere(shifted.target[0, 0].numpy() > 0.5).mean(axis=0)
    assert centroid[0] == pytest.approx(60.0, abs=1.0)  # +6 mm moves the crop, the target sits 4 voxels lower


def test_dice_ce_loss_matches_monai_formula():
    logits = torch.tensor([[[[2.0, -1.0], [0.5, -3.0]]]])
    target = torch.tensor([[[[1.0, 0.0], [1.0, 0.0]]]])
    p = torch.sigmoid(logits)
    dice = 1 - (2 * (p * target).sum() + 1e-5) / ((p * p).sum() + target.sum() + 1e-5)
    bce = -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).mean()
    assert float(train.dice_ce_loss(logits, target)) == pytest.approx(float(dice + bce), rel=1e-6)


def test_first_click_is_a_positive_voxel_of_the_target_and_later_clicks_hit_errors(dataset):
    sampler = train.Sampler([dataset], np.random.default_rng(1))
    sample = sampler.next()
    pred = torch.zeros(128, 128, 128, dtype=torch.bool)
    gt = sample.target[0, 0] > 0.5
    point, label = train.next_click(pred, gt, torch.Generator().manual_seed(0))
    assert label == 1.0 and bool(gt[tuple(int(p) for p in point)])
    # Prediction = target plus one false-positive voxel: the only error, so a negative click there.
    pred = gt.clone()
    pred[0, 0, 0] = True
    point, label = train.next_click(pred, gt, torch.Generator().manual_seed(0))
    assert label == 0.0 and point == [0.0, 0.0, 0.0]


def _optimizer_tensors(opt):
    return [v for s in opt.state_dict()["state"].values() for v in s.values() if torch.is_tensor(v)]


def test_a_step_gives_a_finite_loss_and_resume_continues_identically(dataset, tmp_path):
    a = train.Trainer(_args(dataset, tmp_path, "--max-steps", "1"), log=lambda m: None)
    result = a.run()
    assert result["steps"] == 1 and np.isfinite(a.history[0]["loss"]) and a.history[0]["loss"] > 0
    saved = torch.load(str(tmp_path / "ck.pt"))
    assert saved["step"] == 1 and saved["args"]["arch"] == "tiny"

    b = train.Trainer(_args(dataset, tmp_path, "--max-steps", "2", "--resume"), log=lambda m: None)
    b.load(str(tmp_path / "ck.pt"))
    assert b.step == 1
    for x, y in zip(_optimizer_tensors(a.optimizer), _optimizer_tensors(b.optimizer)):
        assert torch.equal(x, y)
    assert len(_optimizer_tensors(b.optimizer)) > 0

    a.args.max_steps = 2
    a.run()
    b.run()
    assert a.step == b.step == 2
    assert a.history[-1]["loss"] == pytest.approx(b.history[-1]["loss"], rel=1e-5)
    for (name, x), (_, y) in zip(a.model.state_dict().items(), b.model.state_dict().items()):
        assert torch.allclose(x, y, atol=1e-6), name


def test_time_budget_stops_saves_and_exports(dataset, tmp_path):
    out = tmp_path / "export"
    result = train.main(["--dataset", dataset, "--arch", "tiny", "--device", "cpu", "--time-budget-min", "0.01",
                         "--iterations", "2",
                         "--checkpoint", str(tmp_path / "ck.pt"), "--export", str(out)])
    assert result["stop_reason"] == "time_budget" and result["steps"] == 1
    assert torch.load(str(tmp_path / "ck.pt"))["step"] == 1
    info = json.loads((out / "model-info.json").read_text())
    assert (out / "encoder.pt").exists() and (out / "decoder.pt").exists()
    assert info["architecture"] == "tiny" and info["source"]["steps"] == 1
    assert "--time-budget-min" in info["source"]["command"]
