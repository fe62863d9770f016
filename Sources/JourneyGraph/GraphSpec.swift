/// A node or cluster name of our own making (`n12`, `cluster_3`): never input text, so names
/// cannot carry markup or escapes into the output.
public struct NodeID: Sendable, Hashable, Comparable {
    /// The name as written in DOT.
    public let raw: String
    /// `prefix` followed by `index`, e.g. `n12`.
    public init(_ prefix: StaticString, _ index: Int) { raw = prefix.description + String(index) }
    /// By name, for sorted output.
    public static func < (a: NodeID, b: NodeID) -> Bool { a.raw < b.raw }
}

/// A directed graph described as plain Swift values: what JourneyRender builds and what the
/// Graphviz boundary turns into cgraph objects. Order is kept as written.
public struct GraphSpec: Sendable, Hashable {
    /// Layout engines we use: `dot` for maps, `neato` with pinned positions for the views
    /// drawn on fixed grids (emotion curve, blueprint lanes), `nop2` (`neato -n2`) for drawings
    /// whose every node position, cluster box and edge spline is given (large maps).
    public enum Engine: String, Sendable, Hashable {
        case dot, neato, nop2
    }
    /// The layout engine.
    public var engine: Engine = .dot
    /// Attributes of the graph itself.
    public var graph = Attributes()
    /// Defaults for every node.
    public var nodeDefaults = Attributes()
    /// Defaults for every edge.
    public var edgeDefaults = Attributes()
    /// Boxed groups of nodes (stages, lanes), in drawing order.
    public var clusters: [Cluster] = []
    /// Nodes outside any cluster.
    public var nodes: [Node] = []
    /// Edges in drawing order.
    public var edges: [Edge] = []
    /// Groups of nodes to keep on one rank (`rank=same` subgraphs, not clusters).
    public var sameRank: [[NodeID]] = []

    /// An empty graph laid out by `dot`.
    public init() {}

    /// A node and its attributes.
    public struct Node: Sendable, Hashable {
        /// Its name.
        public var id: NodeID
        /// Its attributes.
        public var attributes: Attributes
        /// A node from its parts.
        public init(id: NodeID, attributes: Attributes = Attributes()) {
            self.id = id
            self.attributes = attributes
        }
    }

    /// A boxed subgraph (`subgraph cluster_…`), possibly nested.
    public struct Cluster: Sendable, Hashable {
        /// Graphviz draws a subgraph as a cluster when its name starts with `cluster`.
        public var id: NodeID
        /// Its attributes (label, colours, style).
        public var attributes: Attributes
        /// The nodes directly inside.
        public var nodes: [Node]
        /// Clusters nested inside.
        public var clusters: [Cluster]
        /// A cluster from its parts.
        public init(id: NodeID, attributes: Attributes = Attributes(), nodes: [Node] = [], clusters: [Cluster] = []) {
            self.id = id
            self.attributes = attributes
            self.nodes = nodes
            self.clusters = clusters
        }
    }

    /// A directed edge.
    public struct Edge: Sendable, Hashable {
        /// The node it leaves.
        public var from: NodeID
        /// The node it reaches.
        public var to: NodeID
        /// Its attributes.
        public var attributes: Attributes
        /// An edge from its parts.
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
