import Foundation
import JourneyCore
import JourneyWorkflow

/// The preview's HTML page. Everything it needs comes from this server: its own script and
/// style are allowed by hash in a strict Content-Security-Policy, the map is an `<img>` of
/// the SVG (an image cannot run script), and diagnostics and titles are escaped.
public enum PreviewPage {
    /// Listens for `update` events, then fetches the journey's state and swaps the image
    /// and the diagnostics (textContent only: nothing from the server is parsed as HTML).
    static let script = """
        (() => {
          const body = document.body;
          const id = body.dataset.journey;
          const q = '?j=' + encodeURIComponent(id);
          const img = document.getElementById('map');
          const diag = document.getElementById('diagnostics');
          const status = document.getElementById('status');
          async function refresh() {
            const r = await fetch('/state.json' + q, { cache: 'no-store' });
            if (!r.ok) return;
            const s = await r.json();
            if (String(s.version) === body.dataset.version) return;
            body.dataset.version = String(s.version);
            if (s.svgVersion > 0 && img.dataset.v !== String(s.svgVersion)) {
              img.dataset.v = String(s.svgVersion);
              img.src = '/map.svg' + q + '&v=' + s.svgVersion;
            }
            diag.textContent = s.diagnostics;
            diag.hidden = s.diagnostics === '';
            status.textContent = s.status;
            status.className = s.ok ? 'ok' : 'bad';
          }
          const events = new EventSource('/events');
          events.addEventListener('open', () => { body.dataset.live = 'connected'; refresh(); });
          events.addEventListener('update', refresh);
          events.addEventListener('error', () => { body.dataset.live = 'reconnecting'; });
        })();
        """

    static let style = """
        :root { color-scheme: light; font-family: system-ui, sans-serif; }
        body { margin: 0; background: #f4f5f7; color: #1d2330; }
        header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; background: #1d2330; color: #fff; }
        header h1 { font-size: 1.1rem; margin: 0; flex: 1; }
        nav a { color: #cfe0ff; margin-right: .8rem; }
        nav a[aria-current] { color: #fff; font-weight: 600; text-decoration: none; }
        #status { padding: .2rem .6rem; border-radius: 1rem; font-size: .85rem; }
        #status.ok { background: #1f7a45; }
        #status.bad { background: #b3261e; }
        #diagnostics { margin: 0; padding: .8rem 1rem; background: #fff4f2; color: #5c1410; border-bottom: 2px solid #b3261e;
                       white-space: pre-wrap; font: .85rem/1.35 ui-monospace, monospace; max-height: 40vh; overflow: auto; }
        main { padding: 1rem; text-align: center; }
        #map { width: 100%; height: auto; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
        .empty { color: #5b6270; padding: 3rem; }
        """

    /// The policy: nothing from elsewhere, no inline code but ours, no forms. (The header adds
    /// `frame-ancestors 'none'`, which a `<meta>` policy may not carry.)
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src \(SHA256.cspSource(script)); style-src \(SHA256.cspSource(style)); "
        + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

    /// The status line: when the last attempt ran and how it went.
    static func status(_ e: PreviewEntry) -> String {
        e.ok ? "up to date \(e.updated)" : "errors at \(e.updated): showing the last good map"
    }

    /// The whole page for `current` (nil: no journey found), with links to the others.
    public static func html(current: PreviewEntry?, all: [PreviewEntry], view: MapView) -> String {
        let e = current
        let nav =
            all.count > 1
            ? "<nav>"
                + all.map { o in
                    "<a href=\"/?j=\(Escape.html(o.id))\"\(o.id == e?.id ? " aria-current=\"page\"" : "")>\(Escape.html(o.title))</a>"
                }.joined() + "</nav>" : ""
        let map: String
        if let e, e.svgVersion > 0 {
            map =
                "<img id=\"map\" data-v=\"\(e.svgVersion)\" src=\"/map.svg?j=\(Escape.html(e.id))&amp;v=\(e.svgVersion)\" alt=\"\(Escape.html(e.title)): \(view.rawValue)\">"
        } else {
            map =
                "<img id=\"map\" data-v=\"0\" alt=\"no map yet\"><p class=\"empty\">\(e == nil ? "No .journey files found." : "No map yet: fix the errors above and save.")</p>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Escape.html(e?.title ?? "journeymap serve")) – live preview</title>
            <style>\(style)</style>
            </head>
            <body data-journey="\(Escape.html(e?.id ?? ""))" data-version="\(e?.version ?? 0)">
            <header><h1>\(Escape.html(e?.title ?? "journeymap serve"))</h1>\(nav)<span id="status" class="\(e?.ok == false ? "bad" : "ok")">\(Escape.html(e.map(status) ?? "waiting"))</span></header>
            <pre id="diagnostics"\((e?.diagnostics ?? "").isEmpty ? " hidden" : "")>\(Escape.html(e?.diagnostics ?? ""))</pre>
            <main>\(map)</main>
            <script>\(script)</script>
            </body>
            </html>

            """
    }

    /// The state the script fetches (sorted keys; strings escaped by JSONEncoder).
    public static func stateJSON(_ e: PreviewEntry) -> String {
        let box = JSONBox.object([
            "id": .string(e.id), "title": .string(e.title), "version": .int(e.version), "svgVersion": .int(e.svgVersion),
            "ok": .bool(e.ok), "diagnostics": .string(e.diagnostics), "status": .string(status(e)),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(box), as: UTF8.self)) ?? "{}"
    }
}
