import ArgumentParser
import Foundation
import JourneyCore
import JourneyWorkflow

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-render journeys when a journey, an include or a feedback file changes.",
        discussion: "Diagnostics show as they happen; a version with errors keeps the last good output. Stop with Ctrl-C.")

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "output"

    @Option(name: .customLong("format"), help: "Comma-separated formats: svg, png, pdf, dot.")
    var formats: String = "svg"

    @Option(help: "Seconds between checks for changes.")
    var interval: Double = 0.5

    @Option(help: .hidden)
    var maxSeconds: Double?

    func validate() throws {
        guard interval >= 0.05 else { throw ValidationError("--interval must be at least 0.05 seconds") }
        guard !formats.split(separator: ",").contains(where: { OutputKind(rawValue: String($0)) == nil }) else {
            throw ValidationError("--format takes svg, png, pdf, dot")
        }
    }

    func run() throws {
        var options = RenderOptions()
        options.formats = formats.split(separator: ",").compactMap { OutputKind(rawValue: String($0)) }
        options.outputDirectory = output
        var stamps: [String: FileStamp] = [:]
        let start = Date()
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        Terminal.err("watching \(input.paths.joined(separator: ", ")) (Ctrl-C to stop)\n")
        while true {
            let inputs = (try? JourneyDiscovery.inputs(for: input.paths)) ?? []
            for item in inputs {
                let load = input.loadOptions(root: item.root)
                let (_, deps, shared) = RenderJob.dependencies(item, load: load, options: options)
                if shared { continue }
                let stamp = FileStamp([item.path] + deps)
                if stamps[item.path] == stamp { continue }
                stamps[item.path] = stamp
                let outcome = RenderJob.run(item, load: load, options: options)
                let time = clock.string(from: Date())
                Terminal.err(DiagnosticPrinter(sources: outcome.sources, colored: input.color.enabled)
                    .format(outcome.diagnostics.sortedForOutput().filter { $0.severity != .note }))
                if outcome.failed {
                    Terminal.err("[\(time)] \(item.path): errors; keeping the last good output\n")
                    continue
                }
                do {
                    let written = try OutputWriter.write(outcome.files)
                    Terminal.out("[\(time)] \(item.path): \(written.isEmpty ? "unchanged" : "wrote " + written.joined(separator: ", "))\n")
                } catch {
                    Terminal.err("[\(time)] error: \(error)\n")
                }
            }
            if let maxSeconds, Date().timeIntervalSince(start) > maxSeconds { return }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
