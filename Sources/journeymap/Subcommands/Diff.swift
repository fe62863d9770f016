import ArgumentParser
import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyGraphviz
import JourneyRender
import JourneyReports
import JourneyWorkflow

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two versions of a journey, as Markdown (and a map with the changes marked).",
        discussion: "Each side is a file, or REV:PATH for a file at a git revision (e.g. HEAD~1:journeys/air-travel.journey). Includes and feedback files are read from the working tree.")

    @Argument(help: "The old version: a file or REV:PATH.")
    var old: String

    @Argument(help: "The new version: a file or REV:PATH.")
    var new: String

    @Option(help: "Also write the new map with the changes marked (SVG or PNG, by extension).")
    var map: String?

    func run() throws {
        let (a, aDiags, aSources) = try load(old)
        let (b, bDiags, bSources) = try load(new)
        let printer = DiagnosticPrinter(sources: aSources.merging(bSources) { x, _ in x }, colored: ColorChoice.auto.enabled)
        Terminal.err(printer.format((aDiags + bDiags).filter { $0.severity == .error }))
        guard let a, let b else { throw ExitCode(1) }
        let ma = FeedbackJoin.run(a).0, mb = FeedbackJoin.run(b).0
        let d = JourneyDiff.compare(old: a, new: b, oldMeasurements: a.feedback.isEmpty ? nil : ma, newMeasurements: b.feedback.isEmpty ? nil : mb)
        Terminal.out(DiffReport.markdown(d, old: a, new: b, oldLabel: old, newLabel: new))
        if let map {
            var o = MapOptions()
            o.marks = d.marks
            let spec = MapBuilder.build(b, measurements: b.feedback.isEmpty ? nil : mb, options: o)
            let format: RenderFormat = map.hasSuffix(".png") ? .png : .svg
            let bytes = try GraphvizRenderer.render(spec, formats: [format])[format] ?? []
            try AtomicFile.write(bytes, to: map)
        }
    }

    /// A file, or REV:PATH through `git show` (git, never Graphviz, is the only subprocess).
    func load(_ spec: String) throws -> (Journey?, [Diagnostic], [String: SourceFile]) {
        if FileReader.kind(of: spec) == "file" {
            let r = JourneyLoader.load(path: spec)
            return (r.journey, r.diagnostics, r.sources)
        }
        guard let colon = spec.firstIndex(of: ":") else { throw ValidationError("'\(spec)' is neither a file nor REV:PATH") }
        let rev = String(spec[..<colon]), path = String(spec[spec.index(after: colon)...])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "show", "\(rev):\(path)"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ValidationError("git cannot show '\(rev):\(path)'") }
        let r = JourneyLoader.load(text: String(decoding: data, as: UTF8.self), path: path)
        return (r.journey, r.diagnostics, r.sources)
    }
}
