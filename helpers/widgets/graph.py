"""Notebook 02's computational graph: one example through the two-layer network, with forward values
and gradients.

Nodes, left to right: ``x_i -> z1_k -> a1_k -> z2 -> a2 -> L``, units numbered from 1 as in the
formulas (node ``z1_k`` is ``Z1[k - 1, 0]``). Each node shows its forward value (black) and, in
bold, ``dL/d(node)`` (red). The edges backprop multiplies along carry their local derivative (dark
blue, beside the arrow, never on it):
``g'(z1_k)`` on ``z1_k -> a1_k``, ``W2[0, k - 1]`` on ``a1_k -> z2``, ``sigma'(z2)`` on
``z2 -> a2`` and ``dL/da2`` on ``a2 -> L``. Backprop reads right to left, starting from
``dL/dL = 1`` at ``L``: red at a node = the sum, over the nodes it feeds, of their red x the blue on
the edge between them (here every node but the inputs feeds one node). The grey edges from the
inputs carry no number: the inputs are data, not differentiated.

Every number comes from the reference, none is computed here: ``Z1, A1, Z2, A2`` from
:func:`helpers.forward_propagation`; ``dZ2, dA1, g1'(Z1), dZ1`` from
:func:`helpers.backward_propagation` with ``intermediates=True``; ``dL/da2`` from
:func:`helpers.network.dL_dA2`; ``sigma'(z2)`` from the sigmoid's ``g_prime`` in
:data:`helpers.activations.ACTIVATIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Annotation, Text

from ..activations import ACTIVATIONS, get_activation
from ..bugs import LINES, shown
from ..gradcheck import network_numerical_gradients, relative_error
from ..network import backward_propagation, compute_cost, dL_dA2, forward_propagation
from ..palette import COLORS
from ..validation import ShapeError, check_array, check_labels, check_parameters
from .base import Explorer, LiveFigure, number, spoken

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")
VALUE_COLOR, GRAD_COLOR, LOCAL_COLOR = "black", COLORS["red"], COLORS["dark blue"]
INPUT_EDGE_COLOR = "0.7"  # the edges from the inputs: data, not differentiated
# horizontal position of each layer
COLUMNS = {"x": 0.0, "z1": 2.1, "a1": 4.2, "z2": 6.6, "a2": 8.55, "L": 10.7}
ROW_SPACING = 1.55
NODE_WIDTH, NODE_HEIGHT = 1.05, 1.2
LABEL_GAP = 0.06  # between an edge's label and its arrow, in the graph's units
# the figure's size and fixed margins (room for the title above, the legend below): a constrained
# layout would measure every text of the graph again at each draw
FIGSIZE = (10.0, 4.9)
MARGINS = {"left": 0.005, "right": 0.995, "bottom": 0.12, "top": 0.935}


def example_network() -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Notebook 02's small network and its one example: ``(parameters, X (2, 1), Y (1, 1))``,
    ``n_h = 3``.

    Round numbers, so every value on the graph can be redone by hand; ``z1 = (-1.4, 1.9, 0.9)`` has
    one negative unit, unit 1 (which ReLU switches off), and stays far from ReLU's kink at 0.
    """
    parameters = {
        "W1": np.array([[0.5, -1.0], [1.5, 0.3], [-0.8, 0.7]]),
        "b1": np.array([[0.1], [-0.2], [0.3]]),
        "W2": np.array([[1.2, -0.7, 0.9]]),
        "b2": np.array([[-0.1]]),
    }
    return parameters, np.array([[1.0], [2.0]]), np.array([[1.0]])


@dataclass(frozen=True)
class GraphValues:
    """Every node's forward value and gradient for one example; columns ``(n_h, 1)``, scalars as
    floats."""

    activation: str
    X: np.ndarray  # (n_x, 1)
    W2: np.ndarray  # (1, n_h)
    Z1: np.ndarray  # (n_h, 1), and the same for A1, g_prime, dA1, dZ1
    A1: np.ndarray
    g_prime: np.ndarray  # g1'(Z1), the reference's g1_prime
    dA1: np.ndarray  # the reference's dA1
    dZ1: np.ndarray  # the reference's dZ1
    z2: float
    a2: float
    L: float
    sigma_prime: float  # sigma'(z2), the sigmoid's g_prime
    dz2: float  # the reference's dZ2
    da2: float  # dL/da2, helpers.network.dL_dA2

    def nodes(self) -> dict[str, tuple[float, float | None]]:
        """``{node: (forward value, dL/d(node) or None)}``; nodes
        ``x_1 ... z1_1 ... a1_1 ... z2, a2, L``.

        Units are numbered from 1, as in the formulas (node ``z1_k`` is ``Z1[k - 1, 0]``); inputs
        have no gradient shown.
        """
        numbers: dict[str, tuple[float, float | None]] = {
            f"x_{i}": (float(x), None) for i, x in enumerate(self.X[:, 0], start=1)
        }
        for k in range(1, self.Z1.shape[0] + 1):
            numbers[f"z1_{k}"] = (float(self.Z1[k - 1, 0]), float(self.dZ1[k - 1, 0]))
            numbers[f"a1_{k}"] = (float(self.A1[k - 1, 0]), float(self.dA1[k - 1, 0]))
        numbers["z2"] = (self.z2, self.dz2)
        numbers["a2"] = (self.a2, self.da2)
        numbers["L"] = (self.L, 1.0)
        return numbers

    def edges(self) -> dict[tuple[str, str], float]:
        """``{(tail, head): d(head)/d(tail)}`` for the edges backprop multiplies along (not
        ``x -> z1``)."""
        local: dict[tuple[str, str], float] = {}
        for k in range(1, self.Z1.shape[0] + 1):
            local[f"z1_{k}", f"a1_{k}"] = float(self.g_prime[k - 1, 0])
            local[f"a1_{k}", "z2"] = float(self.W2[0, k - 1])
        local["z2", "a2"] = self.sigma_prime
        local["a2", "L"] = self.da2
        return local


def graph_values(
    parameters: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray, activation: str = "tanh"
) -> GraphValues:
    """Forward values and gradients of every node for ONE example ``X (n_x, 1)``, ``Y (1, 1)``, one
    output unit."""
    X = check_array("X", X)
    if X.shape[1] != 1:
        raise ShapeError(
            f"X has shape {X.shape} but the graph shows one example; expected ({X.shape[0]}, 1)"
        )
    parameters = check_parameters(parameters, n_x=X.shape[0])
    W2 = parameters["W2"]
    if W2.shape[0] != 1:
        raise ShapeError(
            f"W2 has shape {W2.shape} but the graph has one output unit; "
            f"expected (1, {W2.shape[1]})"
        )
    Y = check_labels(Y, m=1)
    g1 = get_activation(activation)
    A2, cache = forward_propagation(X, parameters, g1)
    backward = backward_propagation(parameters, cache, X, Y, g1, intermediates=True)
    sigma_prime = ACTIVATIONS["sigmoid"].g_prime(cache["Z2"], A2)
    return GraphValues(
        activation=g1.name,
        X=X,
        W2=W2,
        Z1=cache["Z1"],
        A1=cache["A1"],
        g_prime=backward["g1_prime"],
        dA1=backward["dA1"],
        dZ1=backward["dZ1"],
        z2=float(cache["Z2"][0, 0]),
        a2=float(A2[0, 0]),
        L=compute_cost(A2, Y),
        sigma_prime=float(sigma_prime[0, 0]),
        dz2=float(backward["dZ2"][0, 0]),
        da2=float(dL_dA2(A2, Y)[0, 0]),
    )


def _node_title(node: str) -> str:
    """``"z1_2"`` -> ``$z^{[1]}_2$``, ``"x_1"`` -> ``$x_1$``, ``"L"`` -> the loss's symbol."""
    if node == "L":
        return r"$\mathcal{L}$"
    name, _, index = node.partition("_")
    layer = f"^{{[{name[1]}]}}" if name[0] in "za" and len(name) > 1 else ""
    subscript = f"_{index}" if index else ""
    return f"${name[0]}{layer}{subscript}$"


@dataclass
class GraphArtists:
    """The drawn graph's texts: ``value[node]`` (black), ``grad[node]`` (red), ``local[edge]``
    (blue, beside its arrow); and its arrows."""

    value: dict[str, Text]
    grad: dict[str, Text]
    local: dict[tuple[str, str], Text]
    title: Text
    arrows: dict[tuple[str, str], Annotation]  # every edge's arrow, the grey ones too

    def show(self, values: GraphValues) -> None:
        """Write ``values`` into the texts (the layout stays as drawn)."""
        for node, (value, grad) in values.nodes().items():
            self.value[node].set_text(number(value))
            if grad is not None:
                self.grad[node].set_text(number(grad))
        for edge, local in values.edges().items():
            self.local[edge].set_text(times(local))
        self.title.set_text(
            f"One example through the network, {values.activation} hidden layer: "
            r"forward values, gradients $\partial\mathcal{L}/\partial$(node), local derivatives"
        )

    def texts(self) -> list[Text]:
        """Every text that :meth:`show` writes."""
        return [*self.value.values(), *self.grad.values(), *self.local.values(), self.title]


def _rows(n: int) -> np.ndarray:
    """Heights of ``n`` nodes in a column, top to bottom, centred on 0."""
    return ROW_SPACING * ((n - 1) / 2 - np.arange(n))


def _positions(n_x: int, n_h: int) -> dict[str, tuple[float, float]]:
    places = {f"x_{i}": (COLUMNS["x"], y) for i, y in enumerate(_rows(n_x), start=1)}
    for layer in ("z1", "a1"):
        places.update(
            {f"{layer}_{k}": (COLUMNS[layer], y) for k, y in enumerate(_rows(n_h), start=1)}
        )
    places.update({node: (COLUMNS[node], 0.0) for node in ("z2", "a2", "L")})
    return places


def draw_graph(ax: Axes, values: GraphValues, fontsize: float = 10) -> GraphArtists:
    """Draw the graph of ``values`` on ``ax``; return its texts, so a widget can rewrite them."""
    n_x, n_h = values.X.shape[0], values.Z1.shape[0]
    places = _positions(n_x, n_h)
    half_w, half_h = NODE_WIDTH / 2, NODE_HEIGHT / 2
    value, grad, local = {}, {}, {}
    for node, (x, y) in places.items():
        ax.add_patch(
            FancyBboxPatch(
                (x - half_w, y - half_h),
                NODE_WIDTH,
                NODE_HEIGHT,
                boxstyle="round,pad=0.02,rounding_size=0.15",
                facecolor="#f4f4f4",
                edgecolor="0.35",
                linewidth=1.0,
                zorder=2,
            )
        )
        ax.text(
            x, y + 0.3, _node_title(node), ha="center", va="center", fontsize=fontsize + 2, zorder=3
        )
        value[node] = ax.text(
            x, y, "", ha="center", va="center", color=VALUE_COLOR, fontsize=fontsize, zorder=3
        )
        if not node.startswith("x_"):
            grad[node] = ax.text(
                x,
                y - 0.3,
                "",
                ha="center",
                va="center",
                color=GRAD_COLOR,
                fontsize=fontsize,
                zorder=3,
                fontweight="bold",
            )
    arrows = {}
    for i in range(1, n_x + 1):
        for k in range(1, n_h + 1):
            edge = (f"x_{i}", f"z1_{k}")
            arrows[edge] = _arrow(ax, places[edge[0]], places[edge[1]], color=INPUT_EDGE_COLOR)
    for tail, head in values.edges():
        start, end = places[tail], places[head]
        arrows[tail, head] = _arrow(ax, start, end, color="0.3")
        local[tail, head] = ax.text(
            *_label_place(start, end),
            "",
            color=LOCAL_COLOR,
            fontsize=fontsize,
            zorder=4,
            **_label_alignment(start, end),
        )
    top = max(y for _, y in places.values()) + half_h
    ax.set_xlim(COLUMNS["x"] - half_w - 0.1, COLUMNS["L"] + half_w + 0.1)
    ax.set_ylim(-top - 0.15, top + 0.15)
    ax.set_axis_off()
    keys = (
        (VALUE_COLOR, "forward value"),
        (
            GRAD_COLOR,
            r"backward, bold: $\partial\mathcal{L}/\partial$(node), "
            r"from $\partial\mathcal{L}/\partial\mathcal{L} = 1$",
        ),
        (LOCAL_COLOR, r"local derivative $\partial$(next node)$/\partial$(this node)"),
    )
    handles = [
        Line2D([], [], linestyle="", marker="s", markersize=7, color=color, label=label)
        for color, label in keys
    ]
    handles.append(
        Line2D([], [], color=INPUT_EDGE_COLOR, label="from an input: not differentiated")
    )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=2,
        fontsize=fontsize,
        frameon=False,
    )
    title = ax.set_title("", fontsize=fontsize + 1)
    artists = GraphArtists(value=value, grad=grad, local=local, title=title, arrows=arrows)
    artists.show(values)
    return artists


def _arrow(
    ax: Axes, start: tuple[float, float], end: tuple[float, float], color: str
) -> Annotation:
    """An arrow from the right side of the node at ``start`` to the left side of the one at
    ``end``."""
    return ax.annotate(
        "",
        xy=(end[0] - NODE_WIDTH / 2, end[1]),
        xytext=(start[0] + NODE_WIDTH / 2, start[1]),
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "linewidth": 1.0,
            "shrinkA": 0,
            "shrinkB": 1,
        },
        zorder=1,
    )


def _label_place(start: tuple[float, float], end: tuple[float, float]) -> tuple[float, float]:
    """Where the label of the edge from ``start`` to ``end`` is anchored: on the arrow, a little
    off it (see :func:`_label_alignment`); the edges into ``z2``, which meet there, near their
    tails, the others half-way."""
    fraction = 0.4 if end[0] == COLUMNS["z2"] else 0.5
    x0, x1 = start[0] + NODE_WIDTH / 2, end[0] - NODE_WIDTH / 2
    x, y = x0 + fraction * (x1 - x0), start[1] + fraction * (end[1] - start[1])
    if start[1] == end[1]:
        return x, y + LABEL_GAP
    return x + LABEL_GAP, y + (LABEL_GAP if end[1] < start[1] else -LABEL_GAP)


def _label_alignment(start: tuple[float, float], end: tuple[float, float]) -> dict[str, str]:
    """A label beside its arrow, never on it: above a level arrow; right of a slanted one, on the
    side away from it (above one that falls, below one that rises)."""
    if start[1] == end[1]:
        return {"ha": "center", "va": "bottom"}
    return {"ha": "left", "va": "bottom" if end[1] < start[1] else "top"}


def dZ1_by_finite_differences(
    parameters: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray, activation: str
) -> np.ndarray:
    """``dZ1 (n_h, 1)`` of one example ``X (n_x, 1)`` by centred differences: ``z1 = W1 x + b1``
    moves one-for-one with ``b1``, so ``dL/db1 = dL/dZ1``."""
    return network_numerical_gradients(parameters, X, Y, activation)["db1"]


def times(local: float) -> str:
    """An edge's label, "times" its local derivative: ``×0.179``, ``×(-0.700)``."""
    text = number(local)
    return f"\u00d7({text})" if text.startswith("-") else f"\u00d7{text}"


def _column(values: np.ndarray) -> str:
    return "[" + ", ".join(number(v) for v in values[:, 0]) + "]"


class GraphExplorer(Explorer):
    """An activation dropdown; the graph's numbers, ``g'(Z1)``, ``dA1`` and ``dZ1`` follow it.

    Everything is computed and drawn once per activation when the explorer is built
    (``self.values[name]``, ``self.checks[name]``, ``self.pngs[name]``): a change rewrites the texts
    and shows the PNG drawn for them, which takes about a millisecond instead of the ~35 ms of
    drawing two dozen texts.
    """

    def __init__(self, activation: str = "tanh"):
        parameters, X, Y = example_network()
        self.values = {name: graph_values(parameters, X, Y, name) for name in HIDDEN_ACTIVATIONS}
        # activation -> (dZ1 by finite differences, relative error)
        self.checks: dict[str, tuple[np.ndarray, float]] = {}
        for name, values in self.values.items():
            numeric = dZ1_by_finite_differences(parameters, X, Y, name)
            self.checks[name] = (numeric, relative_error(values.dZ1, numeric))
        self.dropdown = widgets.Dropdown(
            options=list(HIDDEN_ACTIVATIONS), value=activation, description="activation"
        )
        figure = Figure(figsize=FIGSIZE, dpi=100)
        figure.subplots_adjust(**MARGINS)
        ax = figure.add_subplot()
        self.artists = draw_graph(ax, self.values[activation])
        self.live = LiveFigure(figure, animated=self.artists.texts())
        self.pngs = {}
        for name, values in self.values.items():
            self.artists.show(values)
            self.pngs[name] = self.live.update()
        self.table = widgets.HTML()
        self._alts: dict[str, str] = {}  # activation -> the text alternative of its picture
        super().__init__(
            "Computational graph",
            "predict first: with relu, which unit's dz1 becomes 0, and is its da1 0 too? "
            "Then switch to relu and check",
            [self.dropdown],
            [self.live.image, self.table],
            live_figure=self.live,
        )
        self.dropdown.observe(self._redraw, names="value")
        self._redraw()

    @property
    def current(self) -> GraphValues:
        return self.values[self.dropdown.value]

    def _redraw(self, change=None) -> None:
        self.artists.show(self.current)
        self.live.show(self.pngs[self.dropdown.value])
        self.table.value = self._table_html()

    def _table_html(self) -> str:
        """One row per hidden unit, every column right-aligned under its header (monospace)."""
        v, (numeric, error) = self.current, self.checks[self.dropdown.value]
        cell = "padding:2px 10px;text-align:right;line-height:1.4;white-space:pre"
        head = f"{cell};vertical-align:bottom;border-bottom:1px solid #999"
        z1, a1, dz1, da1 = (f"{name}<sup>[1]</sup><sub>k</sub>" for name in ("z", "a", "dz", "da"))
        headers = (
            "unit k",
            z1,
            f"g'({z1})",
            f"{da1}\n= W<sup>[2]</sup><sub>1k</sub> &times; dz<sup>[2]</sup>",
            f"{dz1}\n= {da1} &times; g'({z1})",
            "finite\ndifference",
        )
        rows = [
            (
                str(k),
                number(v.Z1[k - 1, 0]),
                number(v.g_prime[k - 1, 0]),
                f"{number(v.W2[0, k - 1]):>6} &times; {number(v.dz2):>6} "
                f"= {number(v.dA1[k - 1, 0]):>6}",
                f"<b>{number(v.dZ1[k - 1, 0])}</b>",
                number(numeric[k - 1, 0]),
            )
            for k in range(1, v.Z1.shape[0] + 1)  # unit k is row k - 1
        ]
        header = "".join(f"<th style='{head}'>{text}</th>" for text in headers)
        body = "".join(
            "<tr>" + "".join(f"<td style='{cell}'>{text}</td>" for text in row) + "</tr>"
            for row in rows
        )
        return (
            "<table style='font-family:monospace;font-size:13px;border-collapse:collapse'>"
            f"<tr>{header}</tr>{body}</table>"
            f"<div style='font-family:monospace;font-size:13px;padding:4px 10px'>"
            f"dz<sup>[2]</sup> = a<sup>[2]</sup> - y = {number(v.dz2)}; dz<sup>[1]</sup> "
            f"against finite differences: relative error {error:.1e}</div>"
        )

    def alt(self) -> str:
        """The picture and its rule, and the rule followed along one unit's edges, in numbers
        (the other numbers are in :meth:`describe`)."""
        name = self.dropdown.value
        if name not in self._alts:  # once per activation
            v = self.current
            self._alts[name] = (
                f"The computational graph of one example through a "
                f"{v.activation.replace('_', ' ')} network with {v.Z1.shape[0]} hidden units, "
                "inputs to loss L; each node shows its value and, in bold, its gradient. Each "
                "gradient is the next node's gradient times the factor on the edge between them, "
                "summed over the edges leaving the node: for hidden unit 1, z2's "
                f"{spoken(v.dz2)} times {spoken(v.W2[0, 0])} gives {spoken(v.dA1[0, 0])} at a1, "
                f"times {spoken(v.g_prime[0, 0])} gives {spoken(v.dZ1[0, 0])} at z1."
            )
        return self._alts[name]

    def describe(self) -> str:
        """Every number of the graph: the forward values, the factors on the edges, then the
        reference's lines, ``g1_prime`` spelled for the activation, with their values."""
        v, (_, error) = self.current, self.checks[self.dropdown.value]
        g1 = get_activation(v.activation)
        lines = [shown(LINES[name], g1) for name in ("g1_prime", "dA1", "dZ1")]
        width = max(len(line) for line in lines)
        g_prime, dA1, dZ1 = (line.ljust(width) for line in lines)
        return "\n".join(
            [
                f"activation = {v.activation}, x = {_column(v.X)}",
                f"forward: Z1 = {_column(v.Z1)}, A1 = {_column(v.A1)}, z2 = {number(v.z2)}, "
                f"a2 = {number(v.a2)}, L = {number(v.L)}",
                f"factors on the edges: dL/da2 = {number(v.da2)} (a2 to L), "
                f"sigma'(z2) = {number(v.sigma_prime)} (z2 to a2), W2 = {_column(v.W2.T)} "
                "(a1 to z2), g1_prime (z1 to a1)",
                f"backward from dL/dL = 1: dL/da2 = {number(v.da2)}, "
                f"{LINES['dZ2']} = {number(v.dz2)}",
                f"{g_prime} = {_column(v.g_prime)}",
                f"{dA1} = {_column(v.dA1)}",
                f"{dZ1} = {_column(v.dZ1)}  (finite differences: relative error {error:.1e})",
            ]
        )
