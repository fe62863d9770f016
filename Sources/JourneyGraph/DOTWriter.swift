import JourneyCore

/// Deterministic DOT text for a `GraphSpec`: what `--format dot` writes and what the DOT
/// goldens hold. The same escaping rules as the in-process path apply.
public enum DOTWriter {
    /// The graph as DOT text: attributes sorted, nodes and edges in the order built.
    public static func write(_ g: GraphSpec) -> String {
        var out = g.engine == .dot ? "digraph journey {\n" : "digraph journey {\n  layout=\"\(g.engine.rawValue)\";\n"
        out += attrLines("graph", g.graph, indent: "  ")
        out += attrLines("node", g.nodeDefaults, indent: "  ")
        out += attrLines("edge", g.edgeDefaults, indent: "  ")
        for c in g.clusters { out += cluster(c, indent: "  ") }
        for n in g.nodes { out += "  \(n.id.raw)\(list(n.attributes));\n" }
        for (i, group) in g.sameRank.enumerated() {
            out += "  subgraph rank_\(i) { rank=same; \(group.map(\.raw).joined(separator: "; ")); }\n"
        }
        for e in g.edges { out += "  \(e.from.raw) -> \(e.to.raw)\(list(e.attributes));\n" }
        return out + "}\n"
    }

    static func cluster(_ c: GraphSpec.Cluster, indent: String) -> String {
        var out = "\(indent)subgraph \(c.id.raw) {\n"
        for (k, v) in c.attributes.sorted { out += "\(indent)  \(k.rawValue)=\(value(k, v));\n" }
        for n in c.nodes { out += "\(indent)  \(n.id.raw)\(list(n.attributes));\n" }
        for sub in c.clusters { out += cluster(sub, indent: indent + "  ") }
        return out + "\(indent)}\n"
    }

    static func attrLines(_ kind: String, _ a: Attributes, indent: String) -> String {
        a.values.isEmpty ? "" : "\(indent)\(kind)\(list(a));\n"
    }

    static func list(_ a: Attributes) -> String {
        let items = a.sorted.map { "\($0.0.rawValue)=\(value($0.0, $0.1))" }
        return items.isEmpty ? "" : " [" + items.joined(separator: ", ") + "]"
    }

    static func value(_ key: AttributeKey, _ v: AttributeValue) -> String {
        switch v {
        case .trusted(let t): return quote(t.value)
        case .plain(let s): return quote(PlainText.escape(s))
        case .html(let h): return "<" + h.markup + ">"
        }
    }

    /// A DOT double-quoted string. Backslashes are already doubled by `PlainText` for labels.
    static func quote(_ s: String) -> String {
        "\"" + s.replacingQuotes() + "\""
    }
}

/// Plain (non-HTML) label text: Graphviz expands `\N`, `\G`, `\E`, `\L`, `\n`, `\l`, `\r` in
/// labels, so every backslash is doubled; control, bidi and invisible characters are dropped
/// by `Escape.visible`, the filter every output shares.
public enum PlainText {
    /// The text ready for a plain label.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in Escape.visible(s).unicodeScalars {
            switch ch.value {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x00...0x1F: continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// `"` → `\"` for DOT strings (backslashes were handled by the caller).
    func replacingQuotes() -> String {
        var out = ""
        for ch in unicodeScalars {
            if ch == "\"" { out += "\\\"" } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
