import Foundation

/// What Graphviz laid out, read from its `json` output (`RenderFormat.layoutJSON`): the box of
/// every node, cluster and label, and the lines of every visible edge, in points with y up.
/// Tests use it to check what overlaps what on a drawn map, not what we asked for.
public struct LayoutGeometry: Sendable {
    /// An axis-aligned box.
    public struct Box: Sendable, Hashable, CustomStringConvertible {
        /// Left, bottom, right and top edges.
        public var x0: Double, y0: Double, x1: Double, y1: Double

        /// A box from its edges.
        public init(x0: Double, y0: Double, x1: Double, y1: Double) {
            (self.x0, self.y0, self.x1, self.y1) = (x0, y0, x1, y1)
        }

        /// A box from its centre and size.
        public init(centerX: Double, centerY: Double, width: Double, height: Double) {
            self.init(x0: centerX - width / 2, y0: centerY - height / 2, x1: centerX + width / 2, y1: centerY + height / 2)
        }

        /// Whether the two boxes share area, after shrinking both by `inset` on every side (so
        /// boxes that only touch, or overlap by rounding, do not count).
        public func overlaps(_ other: Box, inset: Double = 0.5) -> Bool {
            x0 + inset < other.x1 - inset && other.x0 + inset < x1 - inset && y0 + inset < other.y1 - inset
                && other.y0 + inset < y1 - inset
        }

        /// Whether the point lies inside, at least `inset` from every side.
        public func contains(_ p: Point, inset: Double = 1) -> Bool {
            p.x > x0 + inset && p.x < x1 - inset && p.y > y0 + inset && p.y < y1 - inset
        }

        /// `[x0,y0–x1,y1]`, rounded to whole points.
        public var description: String {
            func f(_ v: Double) -> String { String(Int(v.rounded())) }
            return "[\(f(x0)),\(f(y0))–\(f(x1)),\(f(y1))]"
        }
    }

    /// A point in points.
    public struct Point: Sendable, Hashable {
        /// Coordinates in points.
        public var x: Double, y: Double
    }

    /// A node: its name and the box Graphviz gave it.
    public struct Node: Sendable {
        /// The node's name in the graph.
        public var name: String
        /// Its box.
        public var box: Box
    }

    /// A cluster: its box and the box of its label (the stage header), if it has one.
    public struct Cluster: Sendable {
        /// The cluster's name (`cluster_…`).
        public var name: String
        /// Its box.
        public var box: Box
        /// The box reserved for its label.
        public var label: Box?
    }

    /// A visible edge: the points along its curves (sampled) and the boxes of the text drawn
    /// for its labels (label, xlabel, head and tail labels).
    public struct Edge: Sendable {
        /// The name of the node it leaves.
        public var tail: String
        /// The name of the node it reaches.
        public var head: String
        /// Points along its curves.
        public var points: [Point]
        /// Boxes of the text drawn for it.
        public var labels: [Box]
    }

    /// The graph's own label (the map's heading), if any.
    public var graphLabel: Box?
    /// Every node with a position.
    public var nodes: [Node] = []
    /// Every cluster that was drawn (an empty cluster has no box and is left out).
    public var clusters: [Cluster] = []
    /// Every edge that draws a line.
    public var edges: [Edge] = []

    /// Why Graphviz's JSON could not be read.
    public struct Unreadable: Error, CustomStringConvertible {
        /// What was wrong.
        public var description: String
    }

    /// Reads the output of Graphviz's `json` device.
    public init(json: [UInt8]) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            throw Unreadable(description: "not a JSON object")
        }
        graphLabel = Self.labelBox(root)
        let objects = root["objects"] as? [[String: Any]] ?? []
        var names: [Int: String] = [:]
        for o in objects {
            guard let name = o["name"] as? String else { continue }
            if let id = o["_gvid"] as? Int { names[id] = name }
            if let bb = o["bb"] as? String {
                let v = Self.numbers(bb)
                if name.hasPrefix("cluster"), v.count == 4 {
                    clusters.append(Cluster(name: name, box: Box(x0: v[0], y0: v[1], x1: v[2], y1: v[3]), label: Self.labelBox(o)))
                }
            } else if let pos = o["pos"] as? String {
                let p = Self.numbers(pos)
                let w = Self.numbers(o["width"] as? String ?? "0").first ?? 0
                let h = Self.numbers(o["height"] as? String ?? "0").first ?? 0
                guard p.count >= 2 else { continue }
                nodes.append(Node(name: name, box: Box(centerX: p[0], centerY: p[1], width: w * 72, height: h * 72)))
            }
        }
        for e in root["edges"] as? [[String: Any]] ?? [] {
            let tail = (e["tail"] as? Int).flatMap { names[$0] } ?? "?"
            let head = (e["head"] as? Int).flatMap { names[$0] } ?? "?"
            var points: [Point] = []
            for op in e["_draw_"] as? [[String: Any]] ?? [] where op["op"] as? String == "b" {
                let controls = (op["points"] as? [[Double]] ?? []).map { Point(x: $0[0], y: $0[1]) }
                points += Self.sampled(controls)
            }
            var labels: [Box] = []
            for key in ["_ldraw_", "_tldraw_", "_hldraw_"] {
                if let text = Self.textBox(e[key] as? [[String: Any]] ?? []) { labels.append(text) }
            }
            if !points.isEmpty || !labels.isEmpty { edges.append(Edge(tail: tail, head: head, points: points, labels: labels)) }
        }
    }

    /// The label box Graphviz reserved: centre `lp`, size `lwidth` × `lheight` in inches.
    static func labelBox(_ o: [String: Any]) -> Box? {
        guard let lp = o["lp"] as? String, let w = o["lwidth"] as? String, let h = o["lheight"] as? String else { return nil }
        let c = numbers(lp)
        guard c.count == 2, let width = numbers(w).first, let height = numbers(h).first else { return nil }
        return Box(centerX: c[0], centerY: c[1], width: width * 72, height: height * 72)
    }

    /// The union of the text drawn by xdot `T` operations: from the baseline, a quarter of the
    /// font size down (descenders) to the font size up.
    static func textBox(_ ops: [[String: Any]]) -> Box? {
        var size = 14.0
        var boxes: [Box] = []
        for op in ops {
            switch op["op"] as? String {
            case "F": size = op["size"] as? Double ?? size
            case "T":
                guard let pt = op["pt"] as? [Double], pt.count == 2, let w = op["width"] as? Double else { continue }
                let x0 =
                    switch op["align"] as? String {
                    case "l": pt[0]
                    case "r": pt[0] - w
                    default: pt[0] - w / 2
                    }
                boxes.append(Box(x0: x0, y0: pt[1] - size / 4, x1: x0 + w, y1: pt[1] + size))
            default: continue
            }
        }
        guard let first = boxes.first else { return nil }
        return boxes.dropFirst().reduce(first) {
            Box(x0: min($0.x0, $1.x0), y0: min($0.y0, $1.y0), x1: max($0.x1, $1.x1), y1: max($0.y1, $1.y1))
        }
    }

    /// Points along a piecewise cubic Bézier (xdot `b`), 16 per piece.
    static func sampled(_ c: [Point]) -> [Point] {
        var out: [Point] = []
        var i = 0
        while i + 3 < c.count {
            let (p0, p1, p2, p3) = (c[i], c[i + 1], c[i + 2], c[i + 3])
            for k in 0...16 {
                let t = Double(k) / 16, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, cc = 3 * u * t * t, d = t * t * t
                out.append(Point(x: a * p0.x + b * p1.x + cc * p2.x + d * p3.x, y: a * p0.y + b * p1.y + cc * p2.y + d * p3.y))
            }
            i += 3
        }
        return out
    }

    /// The numbers in a Graphviz list such as `"12,34.5"` or `"e,1,2 3,4"` (the `e,`/`s,` end
    /// markers of a spline are skipped).
    static func numbers(_ s: String) -> [Double] {
        s.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
    }
}
