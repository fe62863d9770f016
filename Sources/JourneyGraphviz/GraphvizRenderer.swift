import CGraphviz
import JourneyCore
import Synchronization

/// Output formats rendered in-process by libgvc (cairo for PNG and PDF).
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
    /// DOT with Graphviz's layout positions (debugging); `DOTWriter` gives the unlaid-out form.
    case layoutDOT = "dot"
    /// Graphviz's JSON of the laid-out graph: every node, cluster and edge with its box,
    /// label position and drawing operations (`_draw_`, `_ldraw_`), for tests that check
    /// what overlaps what.
    case layoutJSON = "json"

    var device: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .layoutDOT: "dot"
        case .layoutJSON: "json"
        }
    }
}

/// Why a graph could not be laid out or rendered.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgvc reported an error (e.g. a label it could not parse); the message is Graphviz's.
    case graphviz(String)
    /// A bitmap would exceed what cairo can draw: it would be silently scaled down.
    case bitmapTooLarge(width: Int, height: Int, limit: Int, dpi: Double)
    /// gvLayout failed (Graphviz says why on its own stream).
    case layoutFailed
    /// gvRenderData failed for a format.
    case renderFailed(String)

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .graphviz(let m): "Graphviz: \(m)"
        case .bitmapTooLarge(let w, let h, let limit, let dpi):
            "a \(w)×\(h) px bitmap at \(Int(dpi)) dpi is past cairo's \(limit) px limit (it would be shrunk); render PDF or SVG, or lower --dpi"
        case .layoutFailed: "Graphviz could not lay out the graph"
        case .renderFailed(let f): "Graphviz could not render \(f)"
        }
    }
}

/// Renders `GraphSpec`s through libgvc, in this process. Graphviz is not thread-safe (even
/// with one context per thread, measured: 2 and 4 threads crashed), so every call into it
/// goes through one process-wide lock. Every handle is freed before the lock is released.
public enum GraphvizRenderer {
    /// cairo's largest bitmap side.
    public static let maxBitmapSide = 32_767
    /// Largest bitmap area we let cairo allocate (4 bytes a pixel: 1 GiB).
    public static let maxBitmapPixels = 268_435_456

    private static let lock = Mutex(())

    /// One Graphviz context for the life of the process, used only under `lock`. A context per
    /// render is not safe with this libgvc: its pango plugin caches the last font name in a
    /// static pointer into the context's font table, and the next context then reads freed
    /// memory (found with AddressSanitizer). One context also loads the plugins once.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    private static func context() -> OpaquePointer? {
        if sharedContext == nil { sharedContext = gvContext() }
        return sharedContext
    }

    /// Lays out `graph` with `engine` once and renders it in each format.
    public static func render(
        _ graph: GraphSpec, formats: [RenderFormat], dpi: Double = 96
    ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
        if dpi != 96, formats.contains(.png), formats.count > 1 {
            var out = try render(graph, formats: formats.filter { $0 != .png })
            out[.png] = try render(graph, formats: [.png], dpi: dpi)[.png]
            return out
        }
        return try lock.withLock { _ throws(GraphvizError) in
            try renderLocked(graph, formats: formats, engine: graph.engine.rawValue, dpi: dpi)
        }
    }

    private static func renderLocked(
        _ spec: GraphSpec, formats: [RenderFormat], engine: String, dpi: Double
    ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
        jm_capture_errors()
        jm_clear_errors()
        guard let gvc = context() else { throw .layoutFailed }
        guard let g = jm_open_digraph("journey") else { throw .layoutFailed }
        defer { agclose(g) }
        // A `dpi` attribute would scale the SVG and PDF of the same layout too, so a PNG at
        // another resolution gets a layout of its own (see `render`).
        var spec = spec
        if formats == [.png], dpi != 96 { spec.graph.set(.dpi, .number(dpi)) }
        build(spec, into: g)
        guard gvLayout(gvc, g, engine) == 0 else { throw .graphviz(capturedErrors() ?? "layout failed") }
        defer { gvFreeLayout(gvc, g) }
        if let message = capturedErrors() { throw .graphviz(message) }
        var out: [RenderFormat: [UInt8]] = [:]
        for format in formats {
            if format == .png { try checkBitmapSize(g, dpi: dpi) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, g, format.device, &data, &length) == 0, let data else {
                throw .renderFailed(format.rawValue)
            }
            let bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
            gvFreeRenderData(data)
            if let message = capturedErrors() { throw .graphviz(message) }
            out[format] = format == .pdf ? PDFNormalizer.normalize(bytes) : bytes
        }
        return out
    }

    /// Builds and lays out `spec` under the lock, hands the handles and the drawing's size in
    /// points (bounding box plus pad) to `body`, and frees everything after.
    static func withLockedLayout<T>(
        _ spec: GraphSpec, _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>, Double, Double) throws(GraphvizError) -> T
    ) throws(GraphvizError) -> T {
        try lock.withLock { _ throws(GraphvizError) in
            jm_capture_errors()
            jm_clear_errors()
            guard let gvc = context() else { throw .layoutFailed }
            guard let g = jm_open_digraph("journey") else { throw .layoutFailed }
            defer { agclose(g) }
            build(spec, into: g)
            guard gvLayout(gvc, g, spec.engine.rawValue) == 0 else { throw .graphviz(capturedErrors() ?? "layout failed") }
            defer { gvFreeLayout(gvc, g) }
            if let message = capturedErrors() { throw .graphviz(message) }
            var llx = 0.0, lly = 0.0, urx = 0.0, ury = 0.0
            jm_bounding_box(g, &llx, &lly, &urx, &ury)
            let pad = 0.3 * 72
            return try body(gvc, g, urx - llx + 2 * pad, ury - lly + 2 * pad)
        }
    }

    private static func capturedErrors() -> String? {
        let text = String(cString: jm_errors_text())
        jm_clear_errors()
        // Warnings are informational; errors and the cairo size warning are not.
        let lines = text.split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let serious = lines.filter { !$0.hasPrefix("Warning:") || $0.contains("too large") || $0.contains("Scaling") }
        return serious.isEmpty ? nil : serious.joined(separator: "; ")
    }

    /// The laid-out bounding box, in points, decides the bitmap size before cairo is asked.
    private static func checkBitmapSize(_ g: UnsafeMutablePointer<Agraph_t>, dpi: Double) throws(GraphvizError) {
        var llx = 0.0, lly = 0.0, urx = 0.0, ury = 0.0
        jm_bounding_box(g, &llx, &lly, &urx, &ury)
        let pad = 0.3 * 72  // the pad our graphs set, in points, on each side
        let w = Int(((urx - llx + 2 * pad) * dpi / 72).rounded(.up))
        let h = Int(((ury - lly + 2 * pad) * dpi / 72).rounded(.up))
        if w > maxBitmapSide || h > maxBitmapSide || w * h > maxBitmapPixels {
            throw .bitmapTooLarge(width: w, height: h, limit: maxBitmapSide, dpi: dpi)
        }
    }

    private static func build(_ spec: GraphSpec, into g: UnsafeMutablePointer<Agraph_t>) {
        let root = UnsafeMutableRawPointer(g)
        apply(spec.graph, to: root)
        for (k, v) in spec.nodeDefaults.sorted { setDefault(g, kind: AGNODE, k, v) }
        for (k, v) in spec.edgeDefaults.sorted { setDefault(g, kind: AGEDGE, k, v) }
        var nodes: [NodeID: UnsafeMutablePointer<Agnode_t>] = [:]
        func addCluster(_ c: GraphSpec.Cluster, parent: UnsafeMutablePointer<Agraph_t>) {
            guard let sub = jm_subgraph(parent, c.id.raw) else { return }
            apply(c.attributes, to: UnsafeMutableRawPointer(sub))
            for n in c.nodes { nodes[n.id] = addNode(n, in: sub) }
            for child in c.clusters { addCluster(child, parent: sub) }
        }
        for c in spec.clusters { addCluster(c, parent: g) }
        for n in spec.nodes { nodes[n.id] = addNode(n, in: g) }
        for (i, group) in spec.sameRank.enumerated() {
            guard let sub = jm_subgraph(g, "rank_\(i)") else { continue }
            _ = jm_set(UnsafeMutableRawPointer(sub), "rank", "same")
            for id in group { if let n = nodes[id] { agsubnode(sub, n, 1) } }
        }
        for (i, e) in spec.edges.enumerated() {
            guard let t = nodes[e.from], let h = nodes[e.to], let edge = jm_edge(g, t, h, "e\(i)") else { continue }
            apply(e.attributes, to: UnsafeMutableRawPointer(edge))
        }
    }

    private static func addNode(_ n: GraphSpec.Node, in g: UnsafeMutablePointer<Agraph_t>) -> UnsafeMutablePointer<Agnode_t>? {
        guard let node = jm_node(g, n.id.raw) else { return nil }
        apply(n.attributes, to: UnsafeMutableRawPointer(node))
        return node
    }

    private static func apply(_ attributes: Attributes, to obj: UnsafeMutableRawPointer) {
        for (k, v) in attributes.sorted {
            switch v {
            case .trusted(let t): _ = jm_set(obj, k.rawValue, t.value)
            case .plain(let s): _ = jm_set(obj, k.rawValue, PlainText.escape(s))
            case .html(let h): _ = jm_set_html(obj, k.rawValue, h.markup)
            }
        }
    }

    private static func setDefault(_ g: UnsafeMutablePointer<Agraph_t>, kind: Int32, _ k: AttributeKey, _ v: AttributeValue) {
        switch v {
        case .trusted(let t): jm_attr(g, kind, k.rawValue, t.value)
        case .plain(let s): jm_attr(g, kind, k.rawValue, PlainText.escape(s))
        case .html: break  // default labels are never HTML
        }
    }
}
