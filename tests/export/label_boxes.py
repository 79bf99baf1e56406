"""Measure label legibility of the browser view in a real browser: the boxes of the labels
drawn at first view, and how many of them overlap another label or another node.

Used by tests/export/test_html_labels.py and ``python scripts/label_overlap.py``. Works on
pages whose labels vis-network draws itself (the view before issue 15) and on pages that
draw their own labels and list them in ``kgView.labelBoxes``.
"""

from __future__ import annotations

from typing import Any

#: Runs in the page: {nodes, labelled, overlapLabel, overlapAny, clipped} where nodes counts
#: the visible nodes, labelled those whose label is drawn, overlapLabel those whose label box
#: overlaps another node's label box, overlapAny those whose label box overlaps another
#: label or another node's shape, clipped those whose label runs past the canvas edge;
#: edgeLabels counts the link labels drawn (``kgView.edgeLabelBoxes``, when the page lists
#: them), edgeOnLabel those whose box overlaps another link's or a node's label, edgeOnAny
#: those that overlap a label or a node's shape, edgeClipped those past the canvas edge.
MEASURE_JS = """() => {
  const net = kgView.network, body = net.body, scale = net.getScale();
  const canvas = document.querySelector('#kg-network canvas');
  const W = canvas.clientWidth, H = canvas.clientHeight;
  const ids = kgView.nodes.getIds().filter(id => !kgView.nodes.get(id).hidden);
  const toDom = (l, t, w, h) => {
    const a = net.canvasToDOM({x: l, y: t}), b = net.canvasToDOM({x: l + w, y: t + h});
    return [a.x, a.y, b.x, b.y];
  };
  let labels = {};
  if (kgView.labelBoxes) {
    labels = kgView.labelBoxes();
  } else {
    for (const id of ids) {
      const n = body.nodes[id], lm = n.labelModule;
      if (!lm || !lm.elementOptions.label) continue;
      const th = lm.elementOptions.scaling.label.drawThreshold;
      if (lm.fontOptions.size * scale < th - 1) continue;  // vis skips it
      const s = lm.size;
      labels[id] = toDom(s.left, s.top, s.width, s.height);
    }
  }
  const shapes = {};
  for (const id of ids) {
    const n = body.nodes[id], sh = n.shape;
    const w = sh.width || 2 * n.options.size, h = sh.height || 2 * n.options.size;
    shapes[id] = toDom(n.x - w / 2, n.y - h / 2, w, h);
  }
  const hit = (a, b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 &&
                        a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
  const keys = Object.keys(labels);
  let overlapLabel = 0, overlapAny = 0, clipped = 0;
  for (const a of keys) {
    const box = labels[a];
    const onLabel = keys.some(b => b !== a && hit(box, labels[b]));
    const onNode = ids.some(b => b !== a && hit(box, shapes[b]));
    if (onLabel) overlapLabel += 1;
    if (onLabel || onNode) overlapAny += 1;
    if (box[0] < 0 || box[1] < 0 || box[2] > W || box[3] > H) clipped += 1;
  }
  const edgeBoxes = kgView.edgeLabelBoxes ? kgView.edgeLabelBoxes() : {};
  const ekeys = Object.keys(edgeBoxes);
  let edgeOnLabel = 0, edgeOnAny = 0, edgeClipped = 0;
  for (const a of ekeys) {
    const box = edgeBoxes[a];
    const onLabel = ekeys.some(b => b !== a && hit(box, edgeBoxes[b])) ||
                    keys.some(b => hit(box, labels[b]));
    const onNode = ids.some(b => hit(box, shapes[b]));
    if (onLabel) edgeOnLabel += 1;
    if (onLabel || onNode) edgeOnAny += 1;
    if (box[0] < 0 || box[1] < 0 || box[2] > W || box[3] > H) edgeClipped += 1;
  }
  return {nodes: ids.length, labelled: keys.length, overlapLabel, overlapAny, clipped,
          edgeLabels: ekeys.length, edgeOnLabel, edgeOnAny, edgeClipped};
}"""


def measure(page: Any) -> dict[str, int]:
    """The label counts of the page as it is drawn now (see :data:`MEASURE_JS`)."""
    page.wait_for_timeout(300)  # let the first frames be drawn
    return dict(page.evaluate(MEASURE_JS))
