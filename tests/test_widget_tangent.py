"""Headless test of notebook 01's tangent explorer: the tangent's slope is a - y, for every z and
both labels."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import sigmoid
from helpers.widgets.tangent import TangentExplorer

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
    np.testing.assert_allclose(ends_z, [0.7 - 2, 0.7 + 2], rtol=0, atol=1e-15)
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
        "squared error's slope = -0.0925"
    )
    bundle = explorer._repr_mimebundle_()
    assert bundle["image/png"].startswith("iVBOR")  # base64 of the PNG signature
    title = bundle["text/plain"].splitlines()[0]
    assert title == "Tangent explorer (interactive: run the notebook to use it)"
