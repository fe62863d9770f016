import JourneyGraphviz

/// A drawing on fixed positions (neato with every node pinned, in points): the shared frame of
/// the views laid out on grids (blueprint, canvas). Nodes are numbered in the order they are
/// added, which is also the order Graphviz paints them: add backgrounds first.
struct PinnedCanvas {
    /// The graph drawn so far.
    private(set) var graph: GraphSpec
    let options: MapOptions
    private let prefix: StaticString
    private var counter = 0

    init(title: String, prefix: StaticString, options: MapOptions) {
        graph = GraphSpec.pinned(title: title, options: options)
        self.prefix = prefix
        self.options = options
    }

    var theme: Theme { options.theme }

    /// A pinned node at (x, y) with the given attributes.
    @discardableResult
    mutating func node(_ x: Double, _ y: Double, _ attrs: (inout Attributes) -> Void) -> NodeID {
        let id = NodeID(prefix, counter)
        counter += 1
        var a = Attributes()
        a.set(.pos, .point(x, y))
        a.set(.pin, "true")
        attrs(&a)
        graph.nodes.append(GraphSpec.Node(id: id, attributes: a))
        return id
    }

    /// An invisible point, the end of a line.
    mutating func anchor(_ x: Double, _ y: Double) -> NodeID {
        node(x, y) {
            $0.set(.shape, "point"); $0.set(.width, 0.01); $0.set(.style, "invis")
        }
    }

    /// An HTML label with no frame of its own, centred on (x, y).
    @discardableResult
    mutating func label(_ x: Double, _ y: Double, _ label: HTMLLabel) -> NodeID {
        node(x, y) {
            $0.set(.shape, "plain"); $0.setHTML(.label, label)
        }
    }

    /// A straight line between two points.
    mutating func line(
        _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: Color, style: Trusted = "solid", width: Double = 1
    ) {
        connect(anchor(x0, y0), anchor(x1, y1), color: color, style: style, width: width)
    }

    /// A straight edge between two nodes; `arrow` puts an arrowhead at `to`.
    mutating func connect(
        _ from: NodeID, _ to: NodeID, color: Color, style: Trusted = "solid", width: Double = 1, arrow: Bool = false
    ) {
        var e = GraphSpec.Edge(from: from, to: to)
        e.attributes.set(.color, .color(color))
        e.attributes.set(.style, style)
        e.attributes.set(.penwidth, .number(width))
        if arrow {
            e.attributes.set(.arrowhead, "normal")
            e.attributes.set(.arrowsize, 0.6)
        }
        graph.edges.append(e)
    }

    /// A filled rectangle of exactly w × h points centred on (x, y): lane bands, cell backgrounds.
    mutating func rectangle(_ x: Double, _ y: Double, w: Double, h: Double, fill: Color, border: Color? = nil) {
        node(x, y) { a in
            a.set(.shape, "box"); a.set(.fixedsize, "true"); a.set(.style, "filled")
            a.set(.width, .number(w / 72)); a.set(.height, .number(h / 72))
            a.set(.fillcolor, .color(fill)); a.set(.color, .color(border ?? fill)); a.set(.penwidth, border == nil ? 0 : 1)
            a.setText(.label, "")
        }
    }

    /// Text in a font size (scaled by the options), colour and weight. Text with nothing
    /// visible (empty, or only invisible characters that escaping drops) becomes a space:
    /// Graphviz rejects an empty `<FONT></FONT>` and drops the whole label.
    func font(_ s: String, _ size: Double, color: Color? = nil, bold: Bool = false, italic: Bool = false) -> HTML {
        var t: HTML = .text(s)
        if t.markup.isEmpty { t = .text(" ") }
        let styled: HTML = bold ? .bold([t]) : italic ? .italic([t]) : t
        return .font([(.pointSize, .number(size * options.fontScale)), (.color, .color(color ?? theme.text))], [styled])
    }
}
