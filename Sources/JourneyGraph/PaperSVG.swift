/// An SVG from Graphviz put on paper: the root element's size becomes the paper's (in mm) and
/// its `viewBox` grows around the drawing so that the drawing sits scaled and centred inside
/// the margins, as on the PDF page. Nothing else in the file changes.
public enum PaperSVG {
    /// `svg` with its root element sized to `page`; unchanged when it has no `viewBox`.
    public static func fit(_ svg: [UInt8], _ page: PageLayout) -> [UInt8] {
        let text = String(decoding: svg, as: UTF8.self)
        guard let open = text.range(of: "<svg "), let close = text[open.upperBound...].firstIndex(of: ">") else { return svg }
        var tag = String(text[open.lowerBound..<close])
        guard let box = attribute("viewBox", in: tag)?.split(separator: " ").compactMap({ Double($0) }), box.count == 4 else {
            return svg
        }
        let p = page.placement(drawingWidth: box[2], drawingHeight: box[3])
        guard p.scale > 0 else { return svg }
        let viewBox = [box[0] - p.x / p.scale, box[1] - p.y / p.scale, p.pageWidth / p.scale, p.pageHeight / p.scale]
        tag = replacing("width", in: tag, with: millimetres(p.pageWidth))
        tag = replacing("height", in: tag, with: millimetres(p.pageHeight))
        tag = replacing("viewBox", in: tag, with: viewBox.map { fixed($0, 2) }.joined(separator: " "))
        return Array((text[..<open.lowerBound] + tag + text[close...]).utf8)
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\""),
            let end = tag[r.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(tag[r.upperBound..<end])
    }

    static func replacing(_ name: String, in tag: String, with value: String) -> String {
        guard let r = tag.range(of: " \(name)=\"") ?? tag.range(of: "\n\(name)=\""),
            let end = tag[r.upperBound...].firstIndex(of: "\"")
        else { return tag }
        return String(tag[..<r.upperBound]) + value + String(tag[end...])
    }

    /// Points as millimetres, to 0.01 mm: `841mm`, `215.9mm`.
    static func millimetres(_ points: Double) -> String { trimmed(fixed(points * 25.4 / 72, 2)) + "mm" }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let n = (abs(x) * p).rounded()
        let whole = Int(n / p), frac = Int(n.truncatingRemainder(dividingBy: p))
        var f = String(frac)
        while f.count < digits { f = "0" + f }
        return (x < 0 && n > 0 ? "-" : "") + "\(whole)." + f
    }

    static func trimmed(_ s: String) -> String {
        var s = s
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
