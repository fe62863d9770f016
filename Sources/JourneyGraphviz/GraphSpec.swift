/// A node or cluster name of our own making (`n12`, `cluster_3`): never input text, so names
/// cannot carry markup or escapes into the output.
public struct NodeID: Sendable, Hashable, Comparable {
    public let raw: String
    public init(_ prefix: StaticString, _ index: Int) { raw = prefix.description + String(index) }
    public static func < (a: NodeID, b: NodeID) -> Bool { a.raw < b.raw }
}

/// A directed graph described as plain Swift values: what JourneyRender builds and what the
/// Graphviz boundary turns into cgraph objects. Order is kept as written.
public struct GraphSpec: Sendable, Hashable {
    /// Layout engines we use: `dot` for maps, `neato` with pinned positions for the views
    /// drawn on fixed grids (emotion curve, blueprint lanes).
    public enum Engine: String, Sendable, Hashable {
        case dot, neato
    }
    public var engine: Engine = .dot
    public var graph = Attributes()
    public var nodeDefaults = Attributes()
    public var edgeDefaults = Attributes()
    public var clusters: [Cluster] = []
    /// Nodes outside any cluster.
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    /// Groups of nodes to keep on one rank (`rank=same` subgraphs, not clusters).
    public var sameRank: [[NodeID]] = []

    public init() {}

    public struct Node: Sendable, Hashable {
        public var id: NodeID
        public var attributes: Attributes
        public init(id: NodeID, attributes: Attributes = Attributes()) {
            self.id = id
            self.attributes = attributes
        }
    }

    public struct Cluster: Sendable, Hashable {
        /// Graphviz draws a subgraph as a cluster when its name starts with `cluster`.
        public var id: NodeID
        public var attributes: Attributes
        public var nodes: [Node]
        public var clusters: [Cluster]
        public init(id: NodeID, attributes: Attributes = Attributes(), nodes: [Node] = [], clusters: [Cluster] = []) {
            self.id = id
            self.attributes = attributes
            self.nodes = nodes
            self.clusters = clusters
        }
    }

    public struct Edge: Sendable, Hashable {
        public var from: NodeID
        public var to: NodeID
        public var attributes: Attributes
        public init(from: NodeID, to: NodeID, attributes: Attributes = Attributes()) {
            self.from = from
            self.to = to
            self.attributes = attributes
        }
    }

    /// Every node, in order: clusters depth-first, then free nodes.
    public var allNodes: [Node] {
        func walk(_ c: Cluster) -> [Node] { c.nodes + c.clusters.flatMap(walk) }
        return clusters.flatMap(walk) + nodes
    }
}
