import CGraphviz
import JourneyCore

/// Where Graphviz placed everything of a graph, read back after layout (points, y up, as
/// Graphviz has them): node centres and sizes, edge splines, cluster boxes and label boxes.
/// Builders that lay out parts of a drawing on their own and then pin them together (the map
/// of a large journey: `MapBuilder`) read their parts' positions from here.
public struct GraphLayout: Sendable, Hashable {
    /// A point in points.
    public struct Point: Sendable, Hashable {
        /// Coordinates in points.
        public var x: Double, y: Double
        /// A point from its coordinates.
        public init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }
    }

    /// An axis-aligned box given by its centre and size.
    public struct Box: Sendable, Hashable {
        /// The centre.
        public var x: Double, y: Double
        /// The size.
        public var width: Double, height: Double
        /// A box from its centre and size.
        public init(x: Double, y: Double, width: Double, height: Double) {
            (self.x, self.y, self.width, self.height) = (x, y, width, height)
        }
        /// Left, right, bottom and top edges.
        public var minX: Double { x - width / 2 }
        /// The right edge.
        public var maxX: Double { x + width / 2 }
        /// The bottom edge.
        public var minY: Double { y - height / 2 }
        /// The top edge.
        public var maxY: Double { y + height / 2 }
    }

    /// One cubic Bézier piece of an edge, with its arrow ends (the tip of the arrowhead drawn at
    /// the start or the end, when there is one).
    public struct Piece: Sendable, Hashable {
        /// Control points: 1 + 3k of them.
        public var points: [Point]
        /// The tip of an arrow at the tail end.
        public var start: Point?
        /// The tip of an arrow at the head end.
        public var end: Point?
        /// A piece from its parts.
        public init(points: [Point], start: Point? = nil, end: Point? = nil) {
            (self.points, self.start, self.end) = (points, start, end)
        }
    }

    /// A cluster's box and the box of its label, if it has one.
    public struct Cluster: Sendable, Hashable {
        /// The cluster's box (its label included).
        public var box: Box
        /// Its label's box.
        public var label: Box?
    }

    /// Every node of the spec, by name.
    public var nodes: [String: Box] = [:]
    /// The spline of every drawn edge, by its index in `GraphSpec.edges`.
    public var edges: [Int: [Piece]] = [:]
    /// Every cluster, by name.
    public var clusters: [String: Cluster] = [:]
    /// The bounding box of the whole drawing (without the pad).
    public var bounds = Box(x: 0, y: 0, width: 0, height: 0)
    /// Nothing laid out yet.
    public init() {}
}

extension GraphvizRenderer {
    /// Lays `spec` out with its engine and reads back where everything went (nothing is
    /// rendered). Errors as for `render`.
    public static func layout(_ spec: GraphSpec) throws(GraphvizError) -> GraphLayout {
        try withLockedLayout(spec) { _, g, _, _ throws(GraphvizError) in
            var out = GraphLayout()
            var llx = 0.0, lly = 0.0, urx = 0.0, ury = 0.0
            jm_bounding_box(g, &llx, &lly, &urx, &ury)
            out.bounds = GraphLayout.Box(x: (llx + urx) / 2, y: (lly + ury) / 2, width: urx - llx, height: ury - lly)
            for node in spec.allNodes {
                guard let n = jm_find_node(g, node.id.raw) else { continue }
                var x = 0.0, y = 0.0, w = 0.0, h = 0.0
                jm_node_geometry(n, &x, &y, &w, &h)
                out.nodes[node.id.raw] = GraphLayout.Box(x: x, y: y, width: w, height: h)
            }
            func readClusters(_ clusters: [GraphSpec.Cluster]) {
                for c in clusters {
                    guard let sub = jm_find_subgraph(g, c.id.raw) else { continue }
                    jm_bounding_box(sub, &llx, &lly, &urx, &ury)
                    var cluster = GraphLayout.Cluster(
                        box: GraphLayout.Box(x: (llx + urx) / 2, y: (lly + ury) / 2, width: urx - llx, height: ury - lly))
                    var x = 0.0, y = 0.0, w = 0.0, h = 0.0
                    if jm_graph_label(sub, &x, &y, &w, &h) != 0 { cluster.label = GraphLayout.Box(x: x, y: y, width: w, height: h) }
                    out.clusters[c.id.raw] = cluster
                    readClusters(c.clusters)
                }
            }
            readClusters(spec.clusters)
            var n = agfstnode(g)
            while let node = n {
                var e = agfstout(g, node)
                while let edge = e {
                    let name = String(cString: jm_edge_name(edge))
                    if name.hasPrefix("e"), let index = Int(name.dropFirst()) {
                        var pieces: [GraphLayout.Piece] = []
                        for i in 0..<jm_edge_pieces(edge) {
                            var sflag: Int32 = 0, eflag: Int32 = 0
                            var sx = 0.0, sy = 0.0, ex = 0.0, ey = 0.0
                            let count = jm_edge_piece(edge, i, &sflag, &sx, &sy, &eflag, &ex, &ey)
                            var points: [GraphLayout.Point] = []
                            points.reserveCapacity(Int(count))
                            for j in 0..<count {
                                var x = 0.0, y = 0.0
                                jm_edge_point(edge, i, j, &x, &y)
                                points.append(GraphLayout.Point(x, y))
                            }
                            pieces.append(
                                GraphLayout.Piece(
                                    points: points, start: sflag != 0 ? GraphLayout.Point(sx, sy) : nil,
                                    end: eflag != 0 ? GraphLayout.Point(ex, ey) : nil))
                        }
                        out.edges[index] = pieces
                    }
                    e = agnxtout(g, edge)
                }
                n = agnxtnode(g, node)
            }
            return out
        }
    }
}
