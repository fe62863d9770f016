import CGraphviz

extension GraphvizRenderer {
    /// Renders `spec` on a page that is exactly the paper of `page`, the drawing scaled to fit
    /// inside the margins and centred: the PDF page has the paper's size in points, the PNG
    /// the paper's size in pixels at `dpi`, the SVG the paper's size in millimetres. One layout
    /// for all formats; `title` goes into the PDF's metadata.
    public static func render(
        _ spec: GraphSpec, formats: [RenderFormat], dpi: Double = 96, page: PageLayout, title: String? = nil
    ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
        var out: [RenderFormat: [UInt8]] = [:]
        let direct = formats.filter { $0 == .svg || $0 == .layoutDOT }
        if !direct.isEmpty {
            out = try render(spec, formats: direct)
            if let svg = out[.svg] { out[.svg] = PaperSVG.fit(svg, page) }
        }
        let drawn = formats.filter { $0 == .pdf || $0 == .png }
        guard !drawn.isEmpty else { return out }
        let bg = spec.backgroundRGB
        try withRecording(spec) { rec, x0, y0, w, h throws(GraphvizError) in
            let p = page.placement(drawingWidth: w, drawingHeight: h)
            for format in drawn {
                // PNG: points to pixels at `dpi`.
                let k = format == .png ? dpi / 72 : 1
                var (pageW, pageH) = (p.pageWidth * k, p.pageHeight * k)
                if format == .png {
                    (pageW, pageH) = (pageW.rounded(), pageH.rounded())
                    if pageW > Double(maxBitmapSide) || pageH > Double(maxBitmapSide) || pageW * pageH > Double(maxBitmapPixels) {
                        throw .bitmapTooLarge(width: Int(pageW), height: Int(pageH), limit: maxBitmapSide, dpi: dpi)
                    }
                }
                guard let doc = jm_doc_create(format == .png ? 1 : 0, pageW, pageH) else { throw .renderFailed(format.rawValue) }
                if let title { jm_doc_set_title(doc, title) }
                let cr = jm_doc_context(doc)
                cairo_set_source_rgb(cr, bg.r, bg.g, bg.b)
                cairo_paint(cr)
                jm_paint(cr, rec, x0, y0, p.x * k, p.y * k, p.scale * k)
                if format == .pdf { cairo_show_page(cr) }
                out[format] = try finish(doc, format.rawValue)
            }
        }
        return out
    }
}
