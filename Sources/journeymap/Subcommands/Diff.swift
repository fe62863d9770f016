import ArgumentParser
import JourneyCore
import JourneyWorkflow

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two versions of a journey, as Markdown (and a map with the changes marked).",
        discussion:
            "Each side is a file, or REV:PATH for a file at a git revision (e.g. HEAD~1:journeys/air-travel.journey; the path is relative to the current folder, or to the repository's top). Includes and feedback files are read from the working tree."
    )

    @Argument(help: "The old version: a file or REV:PATH.")
    var old: String

    @Argument(help: "The new version: a file or REV:PATH.")
    var new: String

    @Option(help: "Also write the new map with the changes marked (SVG or PNG, by extension).")
    var map: String?

    func run() throws {
        let a: DiffJob.Side, b: DiffJob.Side
        do {
            a = try DiffJob.load(old)
            b = try DiffJob.load(new)
        } catch {
            throw ValidationError("\(error)")
        }
        let printer = DiagnosticPrinter(sources: a.sources.merging(b.sources) { x, _ in x }, colored: ColorChoice.auto.enabled)
        Terminal.err(printer.format((a.diagnostics + b.diagnostics).filter { $0.severity == .error }))
        guard let ja = a.journey, let jb = b.journey else { throw ExitCode(1) }
        let outcome = try DiffJob.compare(ja, jb, oldLabel: old, newLabel: new, map: map.map { $0.hasSuffix(".png") ? .png : .svg })
        Terminal.out(outcome.markdown)
        if let map, let bytes = outcome.map { try AtomicFile.write(bytes, to: map) }
    }
}
