"""A tiny reverse-mode automatic differentiation engine on matrices (micrograd's idea, with arrays).

A :class:`Node` holds a ``value`` (an array), the nodes it was computed from (``inputs``) and the
local rules of the operation that made it. Building the cost ``J`` out of nodes records the graph
(the "tape"); ``J.backward()`` visits it in reverse topological order and leaves in every node
``grad = dJ/d(value)``, of the value's shape. Each operation's forward rule stands next to its
backward rule (a vector-Jacobian product: given ``G = dJ/dC``, the gradients of its inputs) and its
forward-mode rule (a Jacobian-vector product: given the inputs' tangents, the output's)::

    C = matmul(U, V)        U @ V                  grad_U = G @ V.T,  grad_V = U.T @ G
    C = add(U, V)           U + V (broadcast)      G, summed over the axes broadcasting stretched
                                                   (the bias b (n, 1): over the columns)
    A = activation(Z, g)    g(Z)                   G * g'(Z)           (g, g' from the registry)
    J = cross_entropy(Z, Y) (1/m) sum L(sigma(Z), Y), from Z           G * (sigma(Z) - Y) / m

``grad`` is a true gradient of ``J``: for the parameters, the course's ``dW``, ``db``; for ``Z``
and ``A``, ``m`` times less than the course's per-example ``dZ``, ``dA`` (``dZ := m dJ/dZ``).
:func:`network_cost` builds the course's network (two layers or ``L``) out of nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from .activations import Activation, get_activation, sigmoid
from .network import cost_from_Z2
from .validation import Array, Parameters


class Node:
    """A value in the graph. ``inputs``: the nodes it was computed from; ``vjp(G)``: the gradients
    of the inputs given ``G = dJ/d(value)``; ``jvp(*tangents)``: the value's tangent given the
    inputs' tangents; ``op``: the operation's name; ``grad``: ``dJ/d(value)`` after
    :meth:`backward`."""

    def __init__(
        self,
        value: Array | float,
        inputs: tuple[Node, ...] = (),
        vjp: Callable | None = None,
        jvp: Callable | None = None,
        op: str = "input",
        name: str = "",
    ) -> None:
        self.value = np.asarray(value, dtype=float)
        self.inputs, self.vjp, self.jvp, self.op, self.name = inputs, vjp, jvp, op, name
        self.grad = np.zeros_like(self.value)

    def __matmul__(self, other: Node) -> Node:
        return matmul(self, other)

    def __add__(self, other: Node) -> Node:
        return add(self, other)

    def __repr__(self) -> str:
        return f"Node({self.name or self.op}, shape {self.value.shape})"

    def graph(self) -> list[Node]:
        """Every node this one was computed from, and itself last: each after its inputs."""
        order: list[Node] = []
        seen: set[int] = set()

        def visit(node: Node) -> None:
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.inputs:
                    visit(parent)
                order.append(node)

        visit(self)
        return order

    def backward(self) -> None:
        """Reverse mode: ``grad = dJ/d(value)`` in every node of the graph of this scalar ``J``.

        Each node hands ``G`` to its inputs through its ``vjp``; a node used twice adds both."""
        order = self.graph()
        for node in order:
            node.grad = np.zeros_like(node.value)
        self.grad = np.ones_like(self.value)  # dJ/dJ = 1
        for node in reversed(order):
            if node.vjp is not None:
                for parent, grad in zip(node.inputs, node.vjp(node.grad), strict=True):
                    parent.grad = parent.grad + grad

    def tangent(self, seeds: Mapping[Node, Array]) -> Array:
        """Forward mode: the derivative of this value along the direction ``seeds`` (a tangent,
        of its node's shape, for some input nodes; the others are held fixed)."""
        tangents: dict[int, Array] = {}
        for node in self.graph():
            if node.jvp is None:
                tangents[id(node)] = np.asarray(seeds.get(node, np.zeros_like(node.value)))
            else:
                tangents[id(node)] = node.jvp(*(tangents[id(p)] for p in node.inputs))
        return tangents[id(self)]


def matmul_backward(G: Array, U: Array, V: Array) -> tuple[Array, Array]:
    """``(grad_U, grad_V)`` of ``C = U @ V`` given ``G = dJ/dC``: ``U (n, q)``, ``V (q, p)``,
    ``G (n, p)``; ``grad_U (n, q)``, ``grad_V (q, p)``. In the network ``U = W[l]``,
    ``V = A[l-1]``."""
    grad_U = G @ V.T
    grad_V = U.T @ G
    return grad_U, grad_V


def matmul(U: Node, V: Node) -> Node:
    """``C = U @ V``."""
    return Node(
        U.value @ V.value,
        (U, V),
        vjp=lambda G: matmul_backward(G, U.value, V.value),
        jvp=lambda dU, dV: dU @ V.value + U.value @ dV,
        op="matmul",
    )


def sum_to(G: Array, shape: tuple[int, ...]) -> Array:
    """``G`` summed over the axes that broadcasting stretched from ``shape`` (length 1) to ``G``'s:
    for a bias ``b (n, 1)`` added to ``(n, m)``, the sum over the ``m`` columns."""
    stretched = tuple(i for i, (n, k) in enumerate(zip(shape, G.shape, strict=True)) if n < k)
    return np.sum(G, axis=stretched, keepdims=True)


def add(U: Node, V: Node) -> Node:
    """``C = U + V``, with NumPy's broadcasting (``W @ A_prev + b``)."""
    return Node(
        U.value + V.value,
        (U, V),
        vjp=lambda G: (sum_to(G, U.value.shape), sum_to(G, V.value.shape)),
        jvp=lambda dU, dV: dU + dV,
        op="add",
    )


def activation(Z: Node, g: str | Activation) -> Node:
    """``A = g(Z)`` elementwise, ``g`` and ``g'`` from :data:`helpers.activations.ACTIVATIONS`."""
    g = get_activation(g)
    A = g.g(Z.value)
    g_prime = g.g_prime(Z.value, A)
    return Node(A, (Z,), vjp=lambda G: (G * g_prime,), jvp=lambda dZ: dZ * g_prime, op=g.name)


def cross_entropy(Z: Node, Y: Array) -> Node:
    """``J = (1/m) sum L(sigma(Z), Y)`` over outputs and examples, computed from ``Z (n_y, m)``
    (:func:`helpers.network.cost_from_Z2`); the labels ``Y (n_y, m)`` are constants."""
    dJ_dZ = (sigmoid(Z.value) - Y) / Y.shape[1]
    return Node(
        cost_from_Z2(Z.value, Y),
        (Z,),
        vjp=lambda G: (G * dJ_dZ,),
        jvp=lambda dZ: np.sum(dJ_dZ * dZ),
        op="cross_entropy",
    )


def network_cost(
    parameters: Parameters, X: Array, Y: Array, g: str | Activation = "tanh"
) -> tuple[Node, dict[str, Node]]:
    """``(J, nodes)``: the cost of the network with ``parameters`` ``W1, b1, ..., WL, bL`` (two
    layers: ``W1 b1 W2 b2``), hidden activation ``g``, sigmoid output, as a graph.

    ``nodes`` holds the nodes ``W1, b1, ...``, ``A0`` (``X (n_x, m)``), and ``Z1, A1, ..., ZL``
    (the sigmoid is part of the loss, so ``AL`` is not a node)."""
    nodes = {key: Node(value, name=key) for key, value in parameters.items()}
    nodes["A0"] = A = Node(X, name="A0")
    L = len(parameters) // 2
    for l in range(1, L + 1):
        nodes[f"Z{l}"] = Z = nodes[f"W{l}"] @ A + nodes[f"b{l}"]
        if l < L:
            nodes[f"A{l}"] = A = activation(Z, g)
    return cross_entropy(Z, Y), nodes


def gradients(
    parameters: Parameters, X: Array, Y: Array, g: str | Activation = "tanh"
) -> dict[str, Array]:
    """``{dW1, db1, ..., dWL, dbL}`` by reverse mode: ``J.backward()`` on :func:`network_cost`."""
    J, nodes = network_cost(parameters, X, Y, g)
    J.backward()
    return {"d" + key: nodes[key].grad for key in parameters}
