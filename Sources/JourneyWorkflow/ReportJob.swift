import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyReports

/// `report`: the pain-point report set for one journey — pain-points.md, pain-points.json,
/// report.html, the ranked chart drawn through Graphviz (report.svg, report.png) and the map
/// with the top pain points outlined (map-pain-points.svg/png).
public enum ReportJob {
    /// `loaded`: the journey when the caller has loaded it already (no second read).
    public static func run(
        _ input: JourneyDiscovery.Input, load: LoadOptions, options: RenderOptions, loaded: LoadResult? = nil
    ) -> JourneyOutcome {
        var (outcome, prepared) = RenderJob.prepare(input, load: load, options: options, loaded: loaded)
        guard let (journey, joined) = prepared else { return outcome }
        if let refusal = RenderJob.layoutRefusal(journey, options: options) {
            outcome.diagnostics.append(refusal)
            return outcome
        }
        let measurements = joined.measurements ?? JourneyMeasurements()
        var analysisOptions = PainPointAnalysis.Options()
        analysisOptions.smallSample = options.join.smallSample
        analysisOptions.language = options.language
        var report = PainPointAnalysis.analyse(journey, measurements, options: analysisOptions)
        if joined.measurements != nil { report.trends = TrendStep.trends(journey, all: measurements, settings: options.join) }
        let dir = PathUtil.join(options.outputDirectory, journey.id)
        let theme = Theme.named(options.theme ?? journey.style.theme) ?? .default
        var mapOptions = MapOptions()
        mapOptions.theme = theme
        let language = Language.resolve(options.language, style: journey.style)
        mapOptions.language = language
        mapOptions.smallSample = options.join.smallSample
        for p in report.painPoints.prefix(max(1, options.highlightTop)) { mapOptions.highlighted[p.touchpointID] = p.rank }
        if let t = report.trends { mapOptions.trends = TrendMarks.latest(t, language: language) }
        do {
            let map = MapBuilder.build(journey, measurements: joined.measurements, options: mapOptions)
            let mapFiles = try RenderJob.renderFiles(map, name: OutputNames.reportMap, dir: dir, formats: [.svg, .png], dpi: options.dpi)
            let chart = ReportChart.build(report, theme: theme, journey: journey, language: language)
            let chartFiles = try RenderJob.renderFiles(
                chart, name: OutputNames.reportChart, dir: dir, formats: [.svg, .png], dpi: options.dpi)
            // With an outcome, the key-driver grid leads the report (drivers.svg/png).
            let driverFiles =
                try report.drivers.map {
                    try RenderJob.renderFiles(
                        DriversBuilder.build(journey, drivers: $0, options: mapOptions), name: OutputNames.reportDrivers, dir: dir,
                        formats: [.svg, .png], dpi: options.dpi)
                } ?? []
            let driversPNG = driverFiles.first { $0.path.hasSuffix(".png") }?.bytes
            // With segments in the data, the segment heat map (segments.svg/png) and its section.
            let segments = SegmentComparison.analyse(journey, measurements, options: options.segmentOptions)
            let segmentFiles =
                try segments.map {
                    try RenderJob.renderFiles(
                        HeatmapBuilder.build(journey, table: $0, options: mapOptions), name: OutputNames.reportSegments, dir: dir,
                        formats: [.svg, .png], dpi: options.dpi)
                } ?? []
            let segmentsPNG = segmentFiles.first { $0.path.hasSuffix(".png") }?.bytes
            let png = mapFiles.first { $0.path.hasSuffix(".png") }?.bytes
            // With a loop record, loop closure per department beside its pain points (loop.json too).
            let closing = LoopStep.run(journey, join: options.join, options: options.loop, defaultDay: .latestDate, laterRows: .ignored)
            outcome.diagnostics += closing.diagnostics.filter { $0.code != CheckJob.overdueCode }
            let loopFiles =
                try closing.summary.map { [OutputFile(path: "\(dir)/loop.json", bytes: Array(try JSONReport.loop($0).utf8))] } ?? []
            outcome.files =
                (mapFiles + chartFiles + driverFiles + segmentFiles + loopFiles + [
                    OutputFile(
                        path: "\(dir)/pain-points.md",
                        bytes: Array(
                            (MarkdownReport.render(report, journey: journey, language: language)
                                + (segments.map { MarkdownReport.segments($0, journey: journey, language: language) } ?? "")
                                + (closing.summary.map { MarkdownReport.loop($0, report: report) } ?? "")).utf8)),
                    OutputFile(path: "\(dir)/pain-points.json", bytes: Array(try JSONReport.render(report, journey: journey).utf8)),
                    OutputFile(
                        path: "\(dir)/report.html",
                        bytes: Array(
                            HTMLReport.render(
                                report, journey: journey, mapPNG: png, mapSVG: mapFiles.first { $0.path.hasSuffix(".svg") }?.bytes,
                                driversPNG: driversPNG, language: language,
                                leading: report.trends.map { [TrendChart.section($0, journey: journey, language: language, theme: theme)] }
                                    ?? [],
                                sections: (segments.map {
                                    [HTMLReport.segments($0, journey: journey, png: segmentsPNG, language: language)]
                                }
                                    ?? []) + (closing.summary.map { [HTMLReport.loop($0, report: report)] } ?? [])
                            ).utf8)),
                ]).sorted { $0.path < $1.path }
        } catch {
            outcome.diagnostics.append(
                Diagnostic(.renderFailed, "cannot render the report of '\(journey.id)': \(error)", at: journey.range))
        }
        return outcome
    }
}
