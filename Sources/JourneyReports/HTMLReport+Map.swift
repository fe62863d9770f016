import Foundation
import JourneyCore

/// report.html's map: the SVG inline, with pan and zoom (buttons, wheel, drag, keyboard) by a
/// few lines of our own script, allowed by the page's policy through its SHA-256 hash and
/// nothing else. The script fetches nothing and only changes the SVG's `viewBox`. Without
/// script the whole map shows, fitted to the page. A 4,000-pixel PNG shrunk to the page was
/// unreadable and could not be enlarged.
extension HTMLReport {
    /// The viewer. `#map-zoom=3` in the page's address opens it zoomed (a link to a close-up).
    static let mapScript = """
        (function(){var v=document.getElementById("map-view");if(!v)return;var s=v.querySelector("svg");if(!s||!s.viewBox)return;
        var b=s.viewBox.baseVal,o={x:b.x,y:b.y,w:b.width,h:b.height},c={x:o.x,y:o.y,w:o.w,h:o.h},d=null;
        function show(){var m=o.w*0.5;c.x=Math.min(Math.max(c.x,o.x-m),o.x+o.w+m-c.w);c.y=Math.min(Math.max(c.y,o.y-o.h*0.5),o.y+o.h*1.5-c.h);
        s.setAttribute("viewBox",c.x+" "+c.y+" "+c.w+" "+c.h);v.setAttribute("data-zoom",(o.w/c.w).toFixed(2));}
        function at(x,y){var p=s.createSVGPoint(),m=s.getScreenCTM();if(!m)return{x:c.x+c.w/2,y:c.y+c.h/2};p.x=x;p.y=y;return p.matrixTransform(m.inverse());}
        function zoom(f,x,y){var w=Math.min(o.w,Math.max(o.w/40,c.w/f));f=c.w/w;var u=x===undefined?{x:c.x+c.w/2,y:c.y+c.h/2}:at(x,y);
        c.x=u.x-(u.x-c.x)/f;c.y=u.y-(u.y-c.y)/f;c.w=w;c.h=w*o.h/o.w;show();}
        function pan(dx,dy){c.x+=dx*c.w;c.y+=dy*c.h;show();}
        function fit(){c={x:o.x,y:o.y,w:o.w,h:o.h};show();}
        var acts={"in":function(){zoom(1.5)},"out":function(){zoom(1/1.5)},"fit":fit};
        v.querySelectorAll("button[data-act]").forEach(function(e){e.addEventListener("click",acts[e.getAttribute("data-act")]);});
        s.addEventListener("wheel",function(e){e.preventDefault();zoom(e.deltaY<0?1.25:0.8,e.clientX,e.clientY);},{passive:false});
        s.addEventListener("pointerdown",function(e){d={x:e.clientX,y:e.clientY};s.setPointerCapture(e.pointerId);s.classList.add("drag");});
        s.addEventListener("pointermove",function(e){if(!d)return;var m=s.getScreenCTM(),k=m?m.a:1;c.x-=(e.clientX-d.x)/k;c.y-=(e.clientY-d.y)/k;d={x:e.clientX,y:e.clientY};show();});
        function end(){d=null;s.classList.remove("drag");}s.addEventListener("pointerup",end);s.addEventListener("pointercancel",end);
        v.addEventListener("keydown",function(e){var k={"+":acts["in"],"=":acts["in"],"-":acts.out,"0":fit,"ArrowLeft":function(){pan(-0.1,0)},
        "ArrowRight":function(){pan(0.1,0)},"ArrowUp":function(){pan(0,-0.1)},"ArrowDown":function(){pan(0,0.1)}}[e.key];
        if(k&&!e.ctrlKey&&!e.metaKey&&!e.altKey){e.preventDefault();k();}});
        var h=/map-zoom=([0-9.]+)/.exec(location.hash);if(h)zoom(parseFloat(h[1]));else show();})();
        """

    /// The policy source that lets exactly `mapScript` run.
    static var mapScriptSource: String { SHA256.cspSource(mapScript) }

    static let mapStyle = """
        .mapview{border:1px solid #ddd;background:#fff;border-radius:6px;position:relative}
        .mapview:focus{outline:3px solid #0072B2;outline-offset:2px}
        .mapbar{position:absolute;top:8px;right:8px;display:flex;gap:4px}
        .mapbar button{font:inherit;font-size:1.1em;min-width:2.2em;padding:2px 8px;border:1px solid #8a96a3;border-radius:4px;background:#fff;cursor:pointer}
        .mapbar button:focus-visible{outline:3px solid #0072B2}
        .mapview svg{display:block;width:100%;height:auto;min-height:320px;max-height:80vh;touch-action:none;cursor:grab}
        .mapview svg.drag{cursor:grabbing}.maphelp{color:#555;font-size:.85em;margin:4px 0 0}
        """

    /// The "Journey map" section: the SVG inline with the viewer when `svg` is given, else the
    /// PNG as an image; empty when neither.
    static func mapSection(title: String, svg: [UInt8]?, png: [UInt8]?, language l: Language = .en) -> String {
        let h = Escape.html
        let alt = l(.mapAltOf, title)
        if let svg, let inline = inlineSVG(svg, label: alt) {
            return """
                <section><h2>\(h(l[.journeyMap]))</h2><style>\(mapStyle)</style>
                <div class="mapview" id="map-view" tabindex="0" aria-label="\(h(l(.mapKeysHelp, alt)))">
                <div class="mapbar"><button type="button" data-act="in" aria-label="\(h(l[.zoomIn]))">+</button><button type="button" data-act="out" aria-label="\(h(l[.zoomOut]))">−</button><button type="button" data-act="fit" aria-label="\(h(l[.zoomFitLabel]))">\(h(l[.zoomFit]))</button></div>
                \(inline)
                </div><p class="maphelp">\(h(l[.mapHelp]))</p>
                <script>\(mapScript)</script></section>

                """
        }
        guard let png else { return "" }
        return
            "<section><h2>\(h(l[.journeyMap]))</h2><img class=\"map\" alt=\"\(h(alt))\" src=\"data:image/png;base64,\(Data(png).base64EncodedString())\"></section>\n"
    }

    /// Graphviz's SVG as an element of the page: from its `<svg` on (no XML declaration,
    /// doctype or comments), without the fixed `width`/`height` so that it fits the column,
    /// labelled for assistive technology. nil when it is not an SVG with a `viewBox`.
    static func inlineSVG(_ bytes: [UInt8], label: String) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "<svg "), let close = text[start.upperBound...].firstIndex(of: ">"),
            text[start.lowerBound..<close].contains("viewBox=\"")
        else { return nil }
        var tag = String(text[start.lowerBound..<close])
        for name in ["width", "height"] {
            if let r = tag.range(of: " \(name)=\""), let end = tag[r.upperBound...].firstIndex(of: "\"") {
                tag.removeSubrange(r.lowerBound...end)
            }
        }
        tag += " role=\"img\" aria-label=\"\(Escape.html(label))\""
        var body = String(text[close...])
        // Comments carry Graphviz's node names; the page needs none of them.
        while let open = body.range(of: "<!--"), let end = body[open.upperBound...].range(of: "-->") {
            body.removeSubrange(open.lowerBound..<end.upperBound)
        }
        return tag + body.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
