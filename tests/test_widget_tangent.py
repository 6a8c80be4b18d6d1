"""Headless test of notebook 01's tangent explorer: the tangent's slope is a - y, for every z and
both labels; the wrong side of the label is shaded, every point has a legend entry, and the header
says what to do, not what the learner will see."""

from __future__ import annotations

import re

import numpy as np
import pytest

from helpers import sigmoid
from helpers.widgets.tangent import TANGENT_HALF_WIDTH, TangentExplorer, squared_error_dL_dz

# The explorer measures the slope by centred differences (eps = 1e-6) of L(z) = log(1 + e^z) - y z:
# truncation eps^2 |L'''| / 6 < 1e-13 (|L'''| <= 0.1), round-off ~1e-16 |L| / eps < 1e-9
# for |L| <= 8.
SLOPE_TOLERANCE = 1e-8


@pytest.fixture(scope="module")
def explorer():
    """One explorer for the parametrized test: each case sets both controls, so the order does not
    matter."""
    return TangentExplorer()


@pytest.mark.parametrize("z, y", [(1.5, 1), (-3.0, 0), (0.0, 1), (-8.0, 1), (8.0, 0), (4.2, 0)])
def test_slope_of_the_tangent_is_a_minus_y(explorer, z, y):
    explorer.y_toggle.value = y
    explorer.z_slider.value = z
    a = 1 / (1 + np.exp(-z))  # written out here, independently of helpers.sigmoid
    assert (explorer.z, explorer.y) == (z, y)
    assert explorer.a == pytest.approx(a, rel=1e-14)  # two ways to compute the same float
    assert explorer.L == pytest.approx(-(y * np.log(a) + (1 - y) * np.log(1 - a)), rel=1e-10)
    assert abs(explorer.slope - (a - y)) < SLOPE_TOLERANCE
    assert explorer.a_minus_y == pytest.approx(a - y, rel=1e-12)
    assert explorer.squared_error_slope == pytest.approx((a - y) * a * (1 - a), rel=1e-12)
    assert f"<b>{a - y + 0.0:.4f}</b>" in explorer.readout.value
    assert (
        explorer.readout.value.count("<tr>") == 4
    )  # z, a, y, L beside the three slopes and the side
    assert explorer.side() in explorer.readout.value


def test_tangent_touches_the_curve_with_the_measured_slope():
    explorer = TangentExplorer()
    explorer.z_slider.value = 0.7
    ends_z, ends_L = explorer.tangent.get_data()
    half = TANGENT_HALF_WIDTH
    np.testing.assert_allclose(ends_z, [0.7 - half, 0.7 + half], rtol=0, atol=1e-15)
    np.testing.assert_allclose(np.diff(ends_L) / np.diff(ends_z), [explorer.slope], rtol=1e-12)
    # the tangent passes through (z, L(z))
    assert np.interp(0.7, ends_z, ends_L) == pytest.approx(explorer.L, rel=1e-12)
    assert list(explorer.point.get_data()[1]) == [explorer.L]
    assert list(explorer.slope_point.get_data()[1]) == [explorer.slope]


def test_toggling_y_redraws_the_curves_for_that_label():
    explorer = TangentExplorer()
    png_for_y1 = explorer.live.png
    explorer.y_toggle.value = 0
    a = sigmoid(explorer.zs)  # zs in [-8, 8]: a in [3e-4, 1 - 3e-4], so log(1 - a) keeps ~12 digits
    np.testing.assert_allclose(explorer.curve.get_ydata(), -np.log(1 - a), rtol=1e-10)
    np.testing.assert_allclose(explorer.slope_curve.get_ydata(), a, rtol=1e-12)
    np.testing.assert_allclose(explorer.se_curve.get_ydata(), a * a * (1 - a), rtol=1e-12)
    assert explorer.live.png != png_for_y1 and explorer.live.image.value == explorer.live.png


def test_squared_error_slope_vanishes_on_the_wrong_side():
    explorer = TangentExplorer(z=-8.0, y=1)
    assert explorer.slope < -0.999  # the cross-entropy still pushes with almost full force
    assert abs(explorer.squared_error_slope) < 4e-4  # (a - 1) a (1 - a) ~ -e^-8 = -3.4e-4
    assert explorer.side() == "wrong side: a is on the other side of 1/2"


def test_describe_and_static_fallback():
    explorer = TangentExplorer()
    assert explorer.describe() == (
        "z = -2.0, y = 1: a = 0.1192, L = 2.1269\n"
        "slope of the tangent = -0.8808, a - y = -0.8808, "
        "squared error's slope = -0.0925\n"
        "shaded: the wrong side for y = 1, z < 0"
    )
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == "Tangent explorer (interactive: run the notebook to use it)"
    fallback = explorer.fallback()
    assert 'src="data:image/png;base64,iVBOR' in fallback["text/html"]  # the PNG signature
    assert fallback["text/plain"].splitlines()[1:] == explorer.describe().splitlines()
    minus = "\u2212"  # the text alternative's minus sign, read "minus"
    assert explorer.alt() == (
        f"The tangent's slope, {minus}0.8808 (a red circle, right), lies exactly on the "
        f"a {minus} y curve, rising from {minus}1 to 0 over z from {minus}8 to 8; the tangent "
        f"touches the cross-entropy for y = 1 (left, falling from 8 to 0) at z = {minus}2.0. The "
        f"squared error's slope (dashed) is near 0 at both ends and dips only to {minus}0.15, "
        f"at z = {minus}0.7; here it is {minus}0.0925 (a square)."
    )


@pytest.mark.parametrize("y", [0, 1])
def test_the_alt_reads_the_curves_it_describes(y):
    """The ends of the curves, and the squared error's largest slope, are read off the curves as
    drawn: for y = 1 it is -a (1 - a)^2, largest in size at a = 1/3, z = -log 2 = -0.69, where it
    is -4/27 = -0.148; for y = 0 the mirror image."""
    explorer = TangentExplorer(z=1.0, y=y)
    alt, minus = explorer.alt(), "\u2212"
    loss = "falling from 8 to 0" if y == 1 else "rising from 0 to 8"
    a_minus_y = f"rising from {minus}1 to 0" if y == 1 else "rising from 0 to 1"
    extreme = (
        f"dips only to {minus}0.15, at z = {minus}0.7"
        if y == 1
        else "rises only to 0.15, at z = 0.7"
    )
    assert f"(left, {loss})" in alt and f"a {minus} y curve, {a_minus_y}" in alt
    assert extreme in alt
    assert np.max(np.abs(explorer.se_curve.get_ydata())) == pytest.approx(4 / 27, abs=1e-3)
    se = explorer.se_curve.get_ydata()
    assert max(abs(se[0]), abs(se[-1])) < 4e-4  # "near 0 at both ends": e^-8 = 3.4e-4
    # minus signs, not hyphens (which a screen reader may skip); no code names, no arrows
    assert not re.search(r"-\d| - ", alt) and "_" not in alt and "->" not in alt


def test_squared_error_dL_dz_is_the_slope_of_the_squared_error():
    """The formula notebook 01's exercise is checked against, against centred differences of the
    squared error (a - y)^2 / 2 of a = sigma(z), written out here (h = 1e-6: truncation
    h^2 |L_SE'''| / 6 < 1e-13, round-off ~1e-16 / h = 1e-10)."""
    z = np.linspace(-6, 6, 13)
    a = 1 / (1 + np.exp(-z))
    h = 1e-6
    plus, minus = 1 / (1 + np.exp(-(z + h))), 1 / (1 + np.exp(-(z - h)))
    for y in (0.0, 1.0):
        numeric = ((plus - y) ** 2 - (minus - y) ** 2) / (4 * h)
        np.testing.assert_allclose(squared_error_dL_dz(a, y), numeric, rtol=0, atol=1e-9)


@pytest.mark.parametrize("y, wrong_side", [(1, (-8.0, 0.0)), (0, (0.0, 8.0))])
def test_the_wrong_side_of_the_label_is_shaded(y, wrong_side):
    explorer = TangentExplorer(z=-2.0, y=1 - y)
    png_before = explorer.live.png
    explorer.y_toggle.value = y  # toggled: the shading follows the label
    for ax in (explorer.ax_loss, explorer.ax_slope):
        shaded = [patch for patch in ax.patches if patch.get_visible()]
        assert len(shaded) == 1
        left = shaded[0].get_x()
        assert (left, left + shaded[0].get_width()) == wrong_side
    assert explorer.live.png != png_before and explorer.live.image.value == explorer.live.png


def test_every_point_and_the_shading_have_a_legend_entry():
    explorer = TangentExplorer()
    expected = {
        explorer.ax_loss: {"tangent at $z$", r"$(z, \mathcal{L}(z))$", "wrong side for this y"},
        explorer.ax_slope: {
            "slope of the tangent",
            "squared error's slope at z",
            "wrong side for this y",
        },
    }
    for ax, labels in expected.items():
        texts = [text.get_text() for text in ax.get_legend().get_texts()]
        assert labels <= set(texts) and len(set(texts)) == len(texts)  # each entry once


def test_the_header_is_an_instruction_not_the_answer():
    header = TangentExplorer().children[0].value
    assert "set y to 0 and drag z to 5" in header
    for answer_words in ("stays near", "vanish", "flatten", "+1", "-1"):
        assert answer_words not in header
