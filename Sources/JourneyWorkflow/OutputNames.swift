/// The names of the files a journey's output set holds, inside `<output>/<journey-id>/`: the
/// writers (RenderJob, ReportJob) name files only through here, and the manifest records
/// (and `render --check` checks) exactly the files they produced, so that what is checked is
/// what is written.
public enum OutputNames {
    /// A view in one format: `map.svg`, `curve.pdf`.
    public static func view(_ view: MapView, _ kind: OutputKind) -> String { file(view.rawValue, kind) }

    /// A drawing named `name` in one format: `report.png`.
    public static func file(_ name: String, _ kind: OutputKind) -> String { "\(name).\(kind.rawValue)" }

    /// The tiled poster of a view: `map-tiles.pdf`.
    public static func tiles(_ view: MapView) -> String { "\(view.rawValue)-tiles.pdf" }

    /// Everything `render` writes for one journey with these options, sorted (`--view all`
    /// leaves out the drivers grid of a journey with no outcome).
    public static func render(_ options: RenderOptions) -> [String] {
        var names: [String] = []
        for v in options.views {
            names += options.formats.map { view(v, $0) }
            if options.tile != nil { names.append(tiles(v)) }
        }
        return Array(Set(names)).sorted()
    }

    /// The map with pain points outlined, in the report set (`map-pain-points`).
    public static let reportMap = "map-pain-points"
    /// The ranked chart, in the report set (`report`).
    public static let reportChart = "report"

    /// The key-driver grid, in the report set when the journey declares an outcome (`drivers`).
    public static let reportDrivers = "drivers"

    /// The segment heat map, in the report set when answers carry a segment (`segments`).
    public static let reportSegments = "segments"

    /// What `report` always writes for one journey, sorted (plus `drivers.svg/png` when the
    /// journey declares an outcome).
    public static var report: [String] {
        [
            "\(reportMap).png", "\(reportMap).svg", "pain-points.json", "pain-points.md", "report.html", "\(reportChart).png",
            "\(reportChart).svg",
        ].sorted()
    }
}
